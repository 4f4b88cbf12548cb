package io.bankcrm.customer;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Layering of customer-service (container-free): the domain knows neither the web nor the use cases. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.bankcrm.customer");

    @Test
    void theDomainDoesNotDependOnTheWebOrServiceLayers() {
        noClasses().that().resideInAPackage("..customer.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..customer.api..", "..customer.service..",
                        "..customer.messaging..", "jakarta.ws.rs..")
                .check(CLASSES);
    }

    @Test
    void theDomainRulesArePlainJava() {
        noClasses().that().resideInAPackage("..customer.domain.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..",
                        "io.bankcrm.platform..")
                .check(CLASSES);
    }

    @Test
    void resourcesDoNotReachIntoMessaging() {
        noClasses().that().resideInAPackage("..customer.api..")
                .should().dependOnClassesThat().resideInAPackage("..customer.messaging..")
                .check(CLASSES);
    }
}
