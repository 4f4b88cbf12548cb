package io.bankcrm.segmentation;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Layers, no container: the domain stays plain Java, and the service layer does not reach into the web layer. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.bankcrm.segmentation");

    @Test
    void domainIsFreeOfFrameworks() {
        noClasses().that().resideInAPackage("..segmentation.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..",
                        "com.fasterxml..", "java.sql..", "..segmentation.service..", "..segmentation.api..")
                .check(CLASSES);
    }

    @Test
    void servicesDoNotDependOnTheWebLayer() {
        noClasses().that().resideInAPackage("..segmentation.service..")
                .should().dependOnClassesThat().resideInAnyPackage("..segmentation.api..", "jakarta.ws.rs..")
                .check(CLASSES);
    }
}
