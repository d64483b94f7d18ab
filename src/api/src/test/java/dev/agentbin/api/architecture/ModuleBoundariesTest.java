package dev.agentbin.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Core serves both deployables (the HTTP functions here, the event functions in src/events) and so knows
 * neither: the HTTP layer (resources, filters, the error envelope) lives only here. Core's own layering is
 * core's ArchitectureTest.
 */
class ModuleBoundariesTest {

    private static final JavaClasses CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.agentbin");

    @Test
    void coreNeverImportsTheHttpLayer() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.agentbin.api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.agentbin.api..")
                .check(CODE);
    }

    @Test
    void theHttpLayerNeverImportsTheEventFunctions() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.agentbin.events..")
                .check(CODE);
    }
}
