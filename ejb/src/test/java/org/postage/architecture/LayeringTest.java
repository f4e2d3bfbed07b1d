package org.postage.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, checked on the compiled classes: the build fails when a layer reaches one
 * it must not. Application code reaches infrastructure only through ports (interfaces it or the domain declares).
 */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.postage");
    }

    @Test
    void domainDependsOnNoOtherLayer() {
        noClasses()
                .that()
                .resideInAPackage("org.postage.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.postage.application..", "org.postage.infrastructure..", "org.postage.interfaces..")
                .check(classes);
    }

    @Test
    void applicationReachesInfrastructureOnlyThroughPorts() {
        noClasses()
                .that()
                .resideInAPackage("org.postage.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.postage.infrastructure..", "org.postage.interfaces..")
                .check(classes);
    }

    @Test
    void domainAndApplicationUseNoMessagingOrSmtpClientTypes() {
        noClasses()
                .that()
                .resideInAnyPackage("org.postage.domain..", "org.postage.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.jms..", "org.xbill..", "org.apache.james.jdkim..", "org.eclipse.angus..")
                .check(classes);
    }

    @Test
    void infrastructureIsNotCalledByTheAdaptersIn() {
        noClasses()
                .that()
                .resideInAPackage("org.postage.infrastructure..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.postage.interfaces..")
                .check(classes);
    }
}
