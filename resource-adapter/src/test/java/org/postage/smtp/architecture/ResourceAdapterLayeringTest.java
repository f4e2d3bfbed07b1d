package org.postage.smtp.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The resource adapter speaks SMTP and nothing else: of Postage's own code it may use only the listener contract
 * in {@code org.postage.api}, and it holds no persistence or messaging.
 */
class ResourceAdapterLayeringTest {

    private static final DescribedPredicate<JavaClass> POSTAGE_OUTSIDE_API = DescribedPredicate.describe(
            "Postage classes outside org.postage.api and org.postage.smtp",
            c -> c.getPackageName().startsWith("org.postage.")
                    && !c.getPackageName().startsWith("org.postage.api")
                    && !c.getPackageName().startsWith("org.postage.smtp"));

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.postage.smtp");

    @Test
    void usesOnlyTheApiOfPostage() {
        noClasses()
                .that()
                .resideInAPackage("org.postage.smtp..")
                .should()
                .dependOnClassesThat(POSTAGE_OUTSIDE_API)
                .check(classes);
    }

    @Test
    void holdsNoPersistenceOrMessaging() {
        noClasses()
                .that()
                .resideInAPackage("org.postage.smtp..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "jakarta.jms..")
                .check(classes);
    }
}
