package org.postage.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The web module calls application services and reads domain types; it never reaches past them. */
class WebLayeringTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.postage.web");

    @Test
    void webUsesNoInfrastructureOrInboundAdapters() {
        noClasses()
                .that()
                .resideInAPackage("org.postage.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.postage.infrastructure..",
                        "org.postage.interfaces..",
                        "jakarta.persistence..",
                        "jakarta.jms..")
                .check(classes);
    }
}
