package dev.agentbin.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.agentbin.agent.AgentEntity;
import dev.agentbin.agent.AgentStatusOwner;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The layering the README promises, checked on core's compiled classes, so a change that breaks it fails
 * the build instead of waiting for a reviewer to notice.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.agentbin.";

    /**
     * Core's packages from the bottom up. A package may use packages of lower layers only: never one of its
     * own layer, never one above. A new package must be placed here first (the test fails until it is).
     */
    private static final List<Set<String>> LAYERS = List.of(
            Set.of("common", "config", "observe", "mail"),
            Set.of("access", "telephony", "snapstart"),
            Set.of("event", "stats"),
            Set.of("agent"),
            Set.of("agentcall", "tag", "accesskey"),
            Set.of("auth"));

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.agentbin");

    @Test
    void noPackageImportsOneAboveOrBesideIt() {
        classes().should(useOnlyLowerLayers()).check(CORE);
    }

    @Test
    void telephonyKnowsNothingOfAgentsOrAgentCalls() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + "telephony..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + "agent..", ROOT + "agentcall..")
                .check(CORE);
    }

    @Test
    void eventsImportNoFeature() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + "event..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ROOT + "agent..", ROOT + "agentcall..", ROOT + "tag..", ROOT + "accesskey..", ROOT + "auth..")
                .check(CORE);
    }

    @Test
    void onlyTheStatusOwnerWritesAnAgentsStatus() {
        Set<String> statusFields = Set.of("status", "statusCallId", "wrapupUntil", "missedRings");
        noClasses()
                .that()
                .doNotBelongToAnyOf(AgentStatusOwner.class, AgentEntity.class)
                .should()
                .setFieldWhere(DescribedPredicate.describe(
                        "an agent's status field",
                        (JavaFieldAccess access) -> access.getTargetOwner().isEquivalentTo(AgentEntity.class)
                                && statusFields.contains(access.getName())))
                .check(CORE);
    }

    /** The decision tables stay pure: no database, no framework, so each row is a plain unit test. */
    @Test
    void decisionTablesArePure() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Rules")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..", "java.sql..", "java.time.Clock")
                .check(CORE);
    }

    private static ArchCondition<JavaClass> useOnlyLowerLayers() {
        return new ArchCondition<>("use only packages of lower layers") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = feature(origin).orElseThrow();
                int fromLayer = layerOf(from, origin, events);
                origin.getDirectDependenciesFromSelf()
                        .forEach(dependency -> feature(dependency.getTargetClass())
                                .filter(to -> !to.equals(from))
                                .ifPresent(to -> {
                                    int toLayer = layerOf(to, dependency.getTargetClass(), events);
                                    if (toLayer >= fromLayer) {
                                        events.add(SimpleConditionEvent.violated(
                                                dependency,
                                                from + " (layer " + fromLayer + ") uses " + to + " (layer " + toLayer
                                                        + "): " + dependency.getDescription()));
                                    }
                                }));
            }
        };
    }

    /** The first package segment under dev.agentbin, for the project's own classes. */
    private static Optional<String> feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT)) {
            return Optional.empty();
        }
        String rest = name.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private static int layerOf(String feature, JavaClass example, ConditionEvents events) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(feature)) {
                return i;
            }
        }
        events.add(SimpleConditionEvent.violated(
                example, "package " + ROOT + feature + " has no layer: place it in ArchitectureTest.LAYERS"));
        return Integer.MAX_VALUE;
    }
}
