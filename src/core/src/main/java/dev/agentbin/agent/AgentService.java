package dev.agentbin.agent;

import static dev.agentbin.common.Text.orEmpty;

import dev.agentbin.access.AccessPolicy;
import dev.agentbin.access.AccessPolicy.Action;
import dev.agentbin.access.Caller;
import dev.agentbin.access.Permission;
import dev.agentbin.common.DbTime;
import dev.agentbin.common.UniqueViolation;
import dev.agentbin.event.EventOutbox;
import dev.agentbin.event.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The agent API's use cases. Each checks the caller with {@link AccessPolicy} before it touches anything. */
@ApplicationScoped
public class AgentService {

    private static final String USERNAME_CONSTRAINT = "agent_agents_username_live_key";
    private static final String ADDRESS_CONSTRAINT = "agent_addresses_owner_key";

    private final AgentRepository agents;
    private final AddressRepository addresses;
    private final AccessPolicy policy;
    private final PasswordHasher hasher;
    private final AgentStatusOwner statusOwner;
    private final EventOutbox events;
    private final AgentStatusTime statusTime;
    private final Clock clock;

    public AgentService(
            AgentRepository agents,
            AddressRepository addresses,
            AccessPolicy policy,
            PasswordHasher hasher,
            AgentStatusOwner statusOwner,
            EventOutbox events,
            AgentStatusTime statusTime,
            Clock clock) {
        this.agents = agents;
        this.addresses = addresses;
        this.policy = policy;
        this.hasher = hasher;
        this.statusOwner = statusOwner;
        this.events = events;
        this.statusTime = statusTime;
        this.clock = clock;
    }

    @Transactional
    public Agent create(Caller caller, CreateAgentRequest request) {
        UUID customerId =
                caller.isSuperAdmin() && request.customerId() != null ? request.customerId() : caller.customerId();
        policy.checkManages(caller, customerId);
        long permission = request.permission() == null ? Permission.NONE : request.permission();
        policy.checkGrant(caller, permission);
        AgentEntity agent = newAgent(
                customerId,
                request.username(),
                request.password(),
                request.name(),
                request.detail(),
                request.ringMethod(),
                permission,
                request.tagIds());
        if (request.wrapupSeconds() != null) {
            agent.wrapupSeconds = request.wrapupSeconds();
        }
        if (request.maxNoAnswer() != null) {
            agent.maxNoAnswer = request.maxNoAnswer();
        }
        if (request.answerConfirmation() != null) {
            agent.answerConfirmation = request.answerConfirmation();
        }
        return insert(agent, Addresses.orEmpty(request.addresses()));
    }

    /** The first admin of a customer, created at start from configuration (no caller exists yet). */
    @Transactional
    public void createFirstAdmin(UUID customerId, String username, String password) {
        if (!agents.hasLiveAdmin(customerId)) {
            insert(
                    newAgent(
                            customerId,
                            username,
                            password,
                            "admin",
                            "bootstrap admin",
                            RingMethod.RINGALL,
                            Permission.CUSTOMER_ADMIN,
                            List.of()),
                    List.of());
        }
    }

    public AgentPage list(Caller caller, AgentListQuery query) {
        policy.checkManages(caller, caller.customerId());
        List<AgentEntity> page = agents.page(query, caller.customerId());
        Map<UUID, List<Address>> byAgent =
                addresses.byAgents(page.stream().map(a -> a.id).toList());
        List<Agent> result = page.stream()
                .map(a -> AgentMapper.toAgent(a, byAgent.getOrDefault(a.id, List.of())))
                .toList();
        return new AgentPage(result, PageCursor.nextToken(page, a -> a.tmCreate, a -> a.id));
    }

    /** A deleted agent is still shown, with its tm_delete, as in the reference. */
    public Agent get(Caller caller, UUID id) {
        AgentEntity agent = agents.findByIdOptional(id).orElseThrow(() -> AgentErrors.notFound(id));
        policy.check(caller, agent.accessTarget(), Action.VIEW, () -> AgentErrors.notFound(id));
        return view(agent);
    }

    @Transactional
    public Agent updateProfile(Caller caller, UUID id, UpdateAgentRequest request) {
        AgentEntity agent = lockForWrite(caller, id, Action.EDIT_PROFILE);
        agent.name = orEmpty(request.name());
        agent.detail = orEmpty(request.detail());
        agent.ringMethod = request.ringMethod() == null ? RingMethod.RINGALL : request.ringMethod();
        agent.wrapupSeconds = request.wrapupSeconds() == null ? agent.wrapupSeconds : request.wrapupSeconds();
        agent.maxNoAnswer = request.maxNoAnswer() == null ? agent.maxNoAnswer : request.maxNoAnswer();
        agent.answerConfirmation =
                request.answerConfirmation() == null ? agent.answerConfirmation : request.answerConfirmation();
        return touched(agent);
    }

    @Transactional
    public Agent updateStatus(Caller caller, UUID id, StatusRequest request) {
        AgentEntity agent = lockForWrite(caller, id, Action.SET_STATUS);
        statusOwner.choose(agent, request.status(), caller, DbTime.now(clock));
        return touched(agent);
    }

    @Transactional
    public Agent updateTagIds(Caller caller, UUID id, TagIdsRequest request) {
        AgentEntity agent = lockForWrite(caller, id, Action.SET_TAGS);
        agent.tagIds = TagIds.toColumn(request.tagIds());
        return touched(agent);
    }

    @Transactional
    public Agent updateAddresses(Caller caller, UUID id, AddressesRequest request) {
        return replaceAddresses(lockForWrite(caller, id, Action.SET_ADDRESSES), request);
    }

    @Transactional
    public Agent updateOwnAddresses(Caller caller, AddressesRequest request) {
        return replaceAddresses(lockForWrite(caller, policy.serviceAgent(caller), Action.SELF_SERVICE), request);
    }

    /** Checks no current password: callers go through auth/PasswordChanges, which does. */
    @Transactional
    public Agent updatePassword(Caller caller, UUID id, PasswordRequest request) {
        return replacePassword(lockForWrite(caller, id, Action.SET_PASSWORD), request.password());
    }

    /** Checks no current password: callers go through auth/PasswordChanges, which does. */
    @Transactional
    public Agent updateOwnPassword(Caller caller, PasswordRequest request) {
        return replacePassword(
                lockForWrite(caller, policy.serviceAgent(caller), Action.SELF_SERVICE), request.password());
    }

    /**
     * A password reset, authorized by its link instead of a caller (auth/PasswordResetService).
     *
     * @return false when the agent is no longer live
     */
    @Transactional
    public boolean resetPassword(UUID id, String password) {
        return agents.lockLive(id)
                .map(agent -> replacePassword(agent, password))
                .isPresent();
    }

    @Transactional
    public Agent updatePermission(Caller caller, UUID id, PermissionRequest request) {
        LockedWithAdmins locked = lockWithAdmins(caller, id, Action.SET_PERMISSION);
        AgentEntity agent = locked.agent();
        long permission = request.permission();
        policy.checkGrant(caller, permission);
        if (!Permission.has(permission, Permission.CUSTOMER_ADMIN)) {
            locked.ensureNotLastAdmin();
        }
        agent.permission = permission;
        return events.record(EventType.AGENT_UPDATED, agent.customerId, agent.id, touched(agent));
    }

    /**
     * Soft delete: the row stays (GET shows tm_delete); its addresses and username are freed; its time in
     * its last status ends here (its statistics stay readable). An agent in a live agentcall is refused
     * (409 AGENT_IN_CALL): a deleted agent must never be connected, and a ring does not go on for an agent
     * that is gone. The ring claim locks the same row, so the two cannot cross.
     */
    @Transactional
    public Agent delete(Caller caller, UUID id) {
        LockedWithAdmins locked = lockWithAdmins(caller, id, Action.DELETE);
        locked.ensureNotLastAdmin();
        AgentEntity agent = locked.agent();
        if (AgentStatusOwner.inLiveCall(agent)) {
            throw AgentErrors.inCall(agent.id);
        }
        Instant now = DbTime.now(clock);
        statusTime.close(agent, now);
        agent.tmDelete = now;
        agent.tmUpdate = now;
        addresses.deleteOf(agent.id);
        return events.record(
                EventType.AGENT_DELETED, agent.customerId, agent.id, AgentMapper.toAgent(agent, List.of()));
    }

    private AgentEntity newAgent(
            UUID customerId,
            String username,
            String password,
            String name,
            String detail,
            RingMethod ringMethod,
            long permission,
            List<UUID> tagIds) {
        AgentEntity agent = new AgentEntity();
        agent.id = UUID.randomUUID();
        agent.customerId = customerId;
        agent.username = username.trim();
        agent.passwordHash = hasher.hash(password);
        agent.name = orEmpty(name);
        agent.detail = orEmpty(detail);
        agent.ringMethod = ringMethod == null ? RingMethod.RINGALL : ringMethod;
        agent.permission = permission;
        agent.tagIds = TagIds.toColumn(tagIds);
        agent.tmCreate = DbTime.now(clock);
        agent.statusSince = agent.tmCreate;
        return agent;
    }

    private Agent insert(AgentEntity agent, List<Address> addressList) {
        agents.persist(agent);
        flushOrConflict();
        addresses.replace(agent, addressList, agent.tmCreate);
        flushOrConflict();
        return events.record(
                EventType.AGENT_CREATED, agent.customerId, agent.id, AgentMapper.toAgent(agent, addressList));
    }

    private Agent replaceAddresses(AgentEntity agent, AddressesRequest request) {
        addresses.replace(agent, Addresses.orEmpty(request.addresses()), DbTime.now(clock));
        flushOrConflict();
        return touched(agent);
    }

    private Agent replacePassword(AgentEntity agent, String password) {
        agent.passwordHash = hasher.hash(password);
        agent.tokenEpoch++;
        return touched(agent);
    }

    private AgentEntity lockForWrite(Caller caller, UUID id, Action action) {
        AgentEntity agent = agents.lockLive(id).orElseThrow(() -> AgentErrors.notFound(id));
        policy.check(caller, agent.accessTarget(), action, () -> AgentErrors.notFound(id));
        return agent;
    }

    /**
     * For changes that may take away a customer's admin: the customer's admins are locked first, in id
     * order, then the target, so concurrent demotions queue up instead of deadlocking or racing.
     */
    private LockedWithAdmins lockWithAdmins(Caller caller, UUID id, Action action) {
        UUID customerId = agents.customerOfLive(id).orElseThrow(() -> AgentErrors.notFound(id));
        List<AgentEntity> admins = agents.lockAdmins(customerId);
        return new LockedWithAdmins(lockForWrite(caller, id, action), admins);
    }

    private record LockedWithAdmins(AgentEntity agent, List<AgentEntity> admins) {
        /** The customer's last admin may be neither deleted nor demoted (409, never a 500). */
        void ensureNotLastAdmin() {
            if (Permission.has(agent.permission, Permission.CUSTOMER_ADMIN)
                    && admins.stream().allMatch(admin -> admin.id.equals(agent.id))) {
                throw AgentErrors.lastAdmin(agent.id);
            }
        }
    }

    private Agent touched(AgentEntity agent) {
        agent.tmUpdate = DbTime.now(clock);
        return view(agent);
    }

    private Agent view(AgentEntity agent) {
        return AgentMapper.toAgent(agent, addresses.byAgent(agent.id));
    }

    private void flushOrConflict() {
        try {
            agents.flush();
        } catch (PersistenceException e) {
            String constraint = UniqueViolation.constraintName(e).orElseThrow(() -> e);
            if (constraint.equals(USERNAME_CONSTRAINT)) {
                throw AgentErrors.usernameTaken();
            }
            if (constraint.equals(ADDRESS_CONSTRAINT)) {
                throw AgentErrors.addressTaken();
            }
            throw e;
        }
    }
}
