package dev.agentbin.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentbin.common.ApiException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of {@link AccessPolicy}, without a database: each public method and each action, asked by each
 * kind of caller, as a table of (question, caller) → allowed, 403, 404 or 401. The callers are agents of
 * every role, access keys of every permission, of the target's customer and of another; the targets are a
 * plain agent (the SELF caller), an admin of the customer, and the caller itself.
 */
class AccessPolicyTest {

    enum Outcome {
        OK,
        FORBIDDEN_403,
        NOT_FOUND_404,
        UNAUTHENTICATED_401
    }

    static final Outcome A = Outcome.OK;
    static final Outcome F = Outcome.FORBIDDEN_403;
    static final Outcome N = Outcome.NOT_FOUND_404;
    static final Outcome U = Outcome.UNAUTHENTICATED_401;

    static final UUID CUSTOMER = UUID.fromString("00000000-0000-4000-8000-0000000000c1");
    static final UUID OTHER_CUSTOMER = UUID.fromString("00000000-0000-4000-8000-0000000000c2");
    /** A plain agent of CUSTOMER: the SELF caller, and the target of most rows. */
    static final AccessPolicy.Target PLAIN =
            agent(UUID.fromString("00000000-0000-4000-8000-00000000a001"), CUSTOMER, Permission.CUSTOMER_AGENT);
    /** An admin of CUSTOMER who is none of the callers: a manager must not take it over. */
    static final AccessPolicy.Target ADMIN_TARGET =
            agent(UUID.fromString("00000000-0000-4000-8000-00000000a002"), CUSTOMER, Permission.CUSTOMER_ADMIN);

    /** The table's columns, in this order. */
    enum Who {
        SUPERADMIN(agentCaller(OTHER_CUSTOMER, Permission.PROJECT_SUPER_ADMIN)),
        ADMIN(agentCaller(CUSTOMER, Permission.CUSTOMER_ADMIN)),
        MANAGER(agentCaller(CUSTOMER, Permission.CUSTOMER_MANAGER)),
        SELF(new Caller(PLAIN.id(), CUSTOMER, Permission.CUSTOMER_AGENT, 0)),
        OTHER_AGENT(agentCaller(CUSTOMER, Permission.CUSTOMER_AGENT)),
        OTHER_CUSTOMER_ADMIN(agentCaller(OTHER_CUSTOMER, Permission.CUSTOMER_ADMIN)),
        ADMIN_KEY(Caller.accessKey(UUID.randomUUID(), CUSTOMER, Permission.CUSTOMER_ADMIN)),
        MANAGER_KEY(Caller.accessKey(UUID.randomUUID(), CUSTOMER, Permission.CUSTOMER_MANAGER)),
        AGENT_KEY(Caller.accessKey(UUID.randomUUID(), CUSTOMER, Permission.CUSTOMER_AGENT)),
        NO_PERMISSION_KEY(Caller.accessKey(UUID.randomUUID(), CUSTOMER, Permission.NONE)),
        OTHER_CUSTOMER_ADMIN_KEY(Caller.accessKey(UUID.randomUUID(), OTHER_CUSTOMER, Permission.CUSTOMER_ADMIN)),
        OTHER_CUSTOMER_MANAGER_KEY(Caller.accessKey(UUID.randomUUID(), OTHER_CUSTOMER, Permission.CUSTOMER_MANAGER));

        final Caller caller;

        Who(Caller caller) {
            this.caller = caller;
        }
    }

    static Stream<Arguments> table() {
        Stream.Builder<Stream<Arguments>> rows = Stream.builder();
        //                                                   SA ADM MGR SELF AGT OADM AK MK AGK NOK OAK OMK
        for (AccessPolicy.Action action : new AccessPolicy.Action[] {
            AccessPolicy.Action.VIEW, AccessPolicy.Action.EDIT_PROFILE, AccessPolicy.Action.SET_STATUS
        }) {
            rows.add(row("check " + action + " plain agent", check(PLAIN, action), A, A, A, A, F, N, A, A, F, F, N, N));
            rows.add(
                    row("check " + action + " admin", check(ADMIN_TARGET, action), A, A, A, F, F, N, A, A, F, F, N, N));
            rows.add(row("check " + action + " itself", checkItself(action), A, A, A, A, A, A, A, A, F, F, A, A));
        }
        for (AccessPolicy.Action action :
                new AccessPolicy.Action[] {AccessPolicy.Action.SET_ADDRESSES, AccessPolicy.Action.SET_TAGS}) {
            rows.add(row("check " + action + " plain agent", check(PLAIN, action), A, A, A, F, F, N, A, A, F, F, N, N));
            rows.add(
                    row("check " + action + " admin", check(ADMIN_TARGET, action), A, A, A, F, F, N, A, A, F, F, N, N));
            rows.add(row("check " + action + " itself", checkItself(action), A, A, A, F, F, A, A, A, F, F, A, A));
        }
        for (AccessPolicy.Action action : new AccessPolicy.Action[] {
            AccessPolicy.Action.SET_PASSWORD, AccessPolicy.Action.SET_PERMISSION, AccessPolicy.Action.DELETE
        }) {
            rows.add(row("check " + action + " plain agent", check(PLAIN, action), A, A, A, F, F, N, A, A, F, F, N, N));
            rows.add(
                    row("check " + action + " admin", check(ADMIN_TARGET, action), A, A, F, F, F, N, A, F, F, F, N, N));
            rows.add(row("check " + action + " itself", checkItself(action), A, A, A, F, F, A, A, A, F, F, A, A));
        }
        rows.add(row(
                "check SELF_SERVICE plain agent",
                check(PLAIN, AccessPolicy.Action.SELF_SERVICE),
                F,
                F,
                F,
                A,
                F,
                N,
                F,
                F,
                F,
                F,
                N,
                N));
        rows.add(row(
                "check SELF_SERVICE admin",
                check(ADMIN_TARGET, AccessPolicy.Action.SELF_SERVICE),
                F,
                F,
                F,
                F,
                F,
                N,
                F,
                F,
                F,
                F,
                N,
                N));
        rows.add(row(
                "check SELF_SERVICE itself",
                checkItself(AccessPolicy.Action.SELF_SERVICE),
                A,
                A,
                A,
                A,
                A,
                A,
                F,
                F,
                F,
                F,
                F,
                F));

        rows.add(row(
                "checkManages customer",
                (policy, caller) -> policy.checkManages(caller, CUSTOMER),
                A,
                A,
                A,
                F,
                F,
                F,
                A,
                A,
                F,
                F,
                F,
                F));
        rows.add(row(
                "checkManages own customer",
                (policy, caller) -> policy.checkManages(caller, caller.customerId()),
                A,
                A,
                A,
                F,
                F,
                A,
                A,
                A,
                F,
                F,
                A,
                A));
        rows.add(row(
                "checkManagesResourceOf customer",
                (policy, caller) -> policy.checkManagesResourceOf(caller, CUSTOMER, AccessPolicyTest::notFound),
                A,
                A,
                A,
                F,
                F,
                N,
                A,
                A,
                F,
                F,
                N,
                N));
        rows.add(row(
                "checkSeesCallsOf plain agent",
                (policy, caller) -> policy.checkSeesCallsOf(caller, CUSTOMER, PLAIN.id(), AccessPolicyTest::notFound),
                A,
                A,
                A,
                A,
                F,
                N,
                A,
                A,
                F,
                F,
                N,
                N));
        rows.add(row(
                "checkSeesCallsOf admin",
                (policy, caller) ->
                        policy.checkSeesCallsOf(caller, CUSTOMER, ADMIN_TARGET.id(), AccessPolicyTest::notFound),
                A,
                A,
                A,
                F,
                F,
                N,
                A,
                A,
                F,
                F,
                N,
                N));
        // A key's id never makes it the agent whose calls these are, even were the ids to match.
        rows.add(row(
                "checkSeesCallsOf itself",
                (policy, caller) -> policy.checkSeesCallsOf(
                        caller, caller.customerId(), caller.actorId(), AccessPolicyTest::notFound),
                A,
                A,
                A,
                A,
                A,
                A,
                A,
                A,
                F,
                F,
                A,
                A));
        rows.add(row(
                "checkAdministers customer",
                (policy, caller) -> policy.checkAdministers(caller, CUSTOMER, AccessPolicyTest::notFound),
                A,
                A,
                F,
                F,
                F,
                N,
                A,
                F,
                F,
                F,
                N,
                N));
        rows.add(row(
                "checkReadsSharedOf customer",
                (policy, caller) -> policy.checkReadsSharedOf(caller, CUSTOMER, AccessPolicyTest::notFound),
                A,
                A,
                A,
                A,
                A,
                N,
                A,
                A,
                A,
                F,
                N,
                N));
        rows.add(row(
                "checkReadsShared own customer", AccessPolicy::checkReadsShared, A, A, A, A, A, A, A, A, A, F, A, A));
        rows.add(row("me", AccessPolicy::me, A, A, A, A, A, A, F, F, F, F, F, F));
        rows.add(row("serviceAgent", AccessPolicy::serviceAgent, A, A, A, A, A, A, U, U, U, U, U, U));
        rows.add(row(
                "checkManagesAccessKeys", AccessPolicy::checkManagesAccessKeys, A, A, F, F, F, A, A, F, F, F, A, F));
        rows.add(row(
                "checkManagesAccessKey of customer",
                (policy, caller) -> policy.checkManagesAccessKey(caller, CUSTOMER, AccessPolicyTest::notFound),
                N,
                A,
                F,
                F,
                F,
                N,
                A,
                F,
                F,
                F,
                N,
                N));
        rows.add(row(
                "checkGrant superadmin", grant(Permission.PROJECT_SUPER_ADMIN), A, F, F, F, F, F, F, F, F, F, F, F));
        rows.add(row("checkGrant admin", grant(Permission.CUSTOMER_ADMIN), A, A, F, F, F, A, A, F, F, F, A, F));
        rows.add(row("checkGrant manager", grant(Permission.CUSTOMER_MANAGER), A, A, A, F, F, A, A, A, F, F, A, A));
        rows.add(row("checkGrant agent", grant(Permission.CUSTOMER_AGENT), A, A, A, F, F, A, A, A, F, F, A, A));
        rows.add(row("checkGrant nothing", grant(Permission.NONE), A, A, A, A, A, A, A, A, A, A, A, A));
        return rows.build().flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("table")
    void answersAsTheTableSays(String question, Who who, Outcome expected, BiConsumer<AccessPolicy, Caller> ask) {
        assertEquals(expected, outcome(ask, who.caller));
    }

    /** The table asks every public method of the policy, and every action. */
    @Test
    void theTableCoversEveryPublicMethodAndAction() {
        java.util.Set<String> asked = new java.util.HashSet<>();
        table().forEach(args -> asked.add(((String) args.get()[0]).split(" ")[0]));
        Arrays.stream(AccessPolicy.class.getDeclaredMethods())
                .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()))
                .forEach(m -> org.junit.jupiter.api.Assertions.assertTrue(
                        asked.contains(m.getName()), "not in the table: " + m.getName()));
        java.util.Set<String> rows = new java.util.HashSet<>();
        table().forEach(args -> rows.add((String) args.get()[0]));
        for (AccessPolicy.Action action : AccessPolicy.Action.values()) {
            for (String target : new String[] {"plain agent", "admin", "itself"}) {
                org.junit.jupiter.api.Assertions.assertTrue(
                        rows.contains("check " + action + " " + target), action + " " + target);
            }
        }
    }

    private static Outcome outcome(BiConsumer<AccessPolicy, Caller> ask, Caller caller) {
        try {
            ask.accept(new AccessPolicy(), caller);
            return Outcome.OK;
        } catch (ApiException e) {
            return switch (e.status()) {
                case PERMISSION_DENIED -> Outcome.FORBIDDEN_403;
                case NOT_FOUND -> Outcome.NOT_FOUND_404;
                case UNAUTHENTICATED -> Outcome.UNAUTHENTICATED_401;
                default -> throw e;
            };
        }
    }

    private static Stream<Arguments> row(String question, BiConsumer<AccessPolicy, Caller> ask, Outcome... expected) {
        Who[] columns = Who.values();
        assertEquals(columns.length, expected.length, question);
        return IntStream.range(0, columns.length).mapToObj(i -> Arguments.of(question, columns[i], expected[i], ask));
    }

    private static BiConsumer<AccessPolicy, Caller> check(AccessPolicy.Target target, AccessPolicy.Action action) {
        return (policy, caller) -> policy.check(caller, target, action, AccessPolicyTest::notFound);
    }

    /** The caller's own agent row; for a key, an agent of its customer that happens to share the key's id. */
    private static BiConsumer<AccessPolicy, Caller> checkItself(AccessPolicy.Action action) {
        return (policy, caller) -> policy.check(
                caller,
                agent(caller.actorId(), caller.customerId(), caller.permission()),
                action,
                AccessPolicyTest::notFound);
    }

    private static BiConsumer<AccessPolicy, Caller> grant(long permission) {
        return (policy, caller) -> policy.checkGrant(caller, permission);
    }

    private static ApiException notFound() {
        return ApiException.notFound("THING_NOT_FOUND", "no such thing");
    }

    private static Caller agentCaller(UUID customer, long permission) {
        return new Caller(UUID.randomUUID(), customer, permission, 0);
    }

    private static AccessPolicy.Target agent(UUID id, UUID customer, long permission) {
        return new AccessPolicy.Target(id, customer, permission);
    }
}
