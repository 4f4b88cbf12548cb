package io.bankcrm.platform.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The layering rules of every service, checked by one line in each service's tests:
 * {@code ServiceLayers.check("io.bankcrm.customer")}. A service's classes live in five packages under its root:
 * <ul>
 *   <li>{@code api}: JAX-RS resources and their views; may use {@code service}, {@code domain}, {@code config};</li>
 *   <li>{@code service}: use cases, transactions, persistence; never uses {@code api} or JAX-RS;</li>
 *   <li>{@code messaging}: Kafka event handlers; go through {@code service}, never straight to SQL, JPA or
 *       the {@code EntityManager};</li>
 *   <li>{@code domain}: the rules, plain Java: no Quarkus, JAX-RS, Kafka, nor {@code platform.web} or
 *       {@code platform.problem} types (HTTP concerns are the service's and the resource's);</li>
 *   <li>{@code config}: settings, read by the other layers but the domain.</li>
 * </ul>
 * Nothing uses {@code api} or {@code messaging}: they are the entry points.
 */
public final class ServiceLayers {

    private static final String[] PERSISTENCE = {"jakarta.persistence..", "org.hibernate..", "java.sql..",
            "javax.sql..", "io.quarkus.hibernate..", "io.quarkus.panache..", "io.agroal.."};
    private static final String[] NOT_IN_THE_DOMAIN = {"io.quarkus..", "jakarta.ws.rs..", "org.jboss.resteasy..",
            "org.apache.kafka..", "io.smallrye.reactive.messaging..", "io.vertx..", "io.bankcrm.platform.web..",
            "io.bankcrm.platform.problem.."};

    private ServiceLayers() {
    }

    /** Checks every rule on the production classes under {@code rootPackage}; fails with every violation. */
    public static void check(String rootPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
        if (classes.isEmpty()) {
            throw new AssertionError("no classes under " + rootPackage + ": is the root package right?");
        }
        CompositeArchRule.of(rules(rootPackage)).check(classes);
    }

    /** The rules, for a service that wants to report them one by one. */
    public static List<ArchRule> rules(String root) {
        String api = root + ".api..";
        String service = root + ".service..";
        String domain = root + ".domain..";
        String messaging = root + ".messaging..";
        String config = root + ".config..";
        return List.of(
                classes().that().resideInAPackage(root + "..")
                        .should().resideInAnyPackage(api, service, domain, messaging, config)
                        .as("every class of the service is in api, service, domain, messaging or config"),
                layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                        .layer("api").definedBy(api)
                        .layer("service").definedBy(service)
                        .layer("domain").definedBy(domain)
                        .layer("messaging").definedBy(messaging)
                        .layer("config").definedBy(config)
                        .whereLayer("api").mayNotBeAccessedByAnyLayer()
                        .whereLayer("messaging").mayNotBeAccessedByAnyLayer()
                        .whereLayer("service").mayOnlyBeAccessedByLayers("api", "messaging")
                        .whereLayer("domain").mayOnlyBeAccessedByLayers("api", "service", "messaging")
                        .whereLayer("config").mayOnlyBeAccessedByLayers("api", "service", "messaging"),
                noClasses().that().resideInAPackage(service)
                        .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..")
                        .as("the service layer knows nothing of HTTP resources (it may throw ProblemException)"),
                noClasses().that().resideInAPackage(messaging)
                        .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE)
                        .as("messaging goes through the service layer, never straight to SQL or the EntityManager"),
                noClasses().that().resideInAPackage(domain)
                        .should().dependOnClassesThat().resideInAnyPackage(NOT_IN_THE_DOMAIN)
                        .as("the domain uses no Quarkus, JAX-RS, Kafka, platform.web or platform.problem types"));
    }
}
