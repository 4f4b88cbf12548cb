package io.bankcrm.platform.domain;

import io.bankcrm.platform.problem.FieldViolation;
import io.bankcrm.platform.problem.Problem;
import io.bankcrm.platform.problem.ProblemMappers;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The domain's refusals and the problems they become (container-free). */
class DomainRefusalsTest {

    enum Light { RED, GREEN, AMBER, OFF }

    static final TransitionTable<Light> LIGHTS = TransitionTable.of(Light.class)
            .allow(Light.RED, Light.GREEN, Light.OFF)
            .allow(Light.GREEN, Light.AMBER, Light.OFF)
            .allow(Light.AMBER, Light.RED, Light.OFF)
            .allow(Light.OFF)
            .build();

    @Test
    void thePackageIsPlainJavaSoEveryServicesDomainMayUseIt() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.bankcrm.platform.domain");
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.bankcrm.platform.domain..")
                .check(classes);
    }

    @Test
    void aTableAllowsOnlyItsStepsAndNamesTheAllowedOnesOtherwise() {
        assertTrue(LIGHTS.allows(Light.RED, Light.GREEN));
        assertFalse(LIGHTS.allows(Light.RED, Light.AMBER));
        assertFalse(LIGHTS.allows(Light.RED, Light.RED));
        assertTrue(LIGHTS.isTerminal(Light.OFF));
        Transition<Light> step = LIGHTS.step(Light.GREEN, Light.AMBER, "ops.li", Instant.EPOCH, " ");
        assertNull(step.reason(), "a blank reason is no reason");

        IllegalTransition refused = assertThrows(IllegalTransition.class,
                () -> LIGHTS.require(Light.RED, Light.AMBER));
        assertEquals(List.of("GREEN", "OFF"), List.copyOf(refused.allowed()), "in declaration order");
        assertEquals("Light cannot move from RED to AMBER; allowed: [GREEN, OFF]", refused.getMessage());
        assertEquals(IllegalTransition.CODE, refused.code());
        assertTrue(assertThrows(IllegalTransition.class, () -> LIGHTS.require(Light.OFF, Light.RED))
                .getMessage().endsWith("(OFF is final)"));
    }

    @Test
    void aTableMustListEveryStatusOnceAndNoStepToItself() {
        assertThrows(IllegalStateException.class, () -> TransitionTable.of(Light.class).allow(Light.RED).build());
        assertThrows(IllegalArgumentException.class, () -> TransitionTable.of(Light.class).allow(Light.RED, Light.RED));
        assertThrows(IllegalArgumentException.class,
                () -> TransitionTable.of(Light.class).allow(Light.RED).allow(Light.RED, Light.OFF));
    }

    @Test
    void invalidInputIsA400ListingEveryField() {
        InvalidInput e = new InvalidInput(List.of(new Violation("amount", "must be positive"),
                new Violation("currency", "must be CNY").under("fee")));
        assertEquals("amount: must be positive; fee.currency: must be CNY", e.getMessage());
        Problem problem = ProblemMappers.toProblem(e);
        assertEquals(400, problem.getStatus());
        assertEquals("https://problems.bankcrm.io/validation", problem.getType().toString());
        assertEquals(List.of(new FieldViolation("amount", "must be positive"),
                new FieldViolation("fee.currency", "must be CNY")), problem.getErrors());
        assertThrows(IllegalArgumentException.class, () -> new InvalidInput(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Violation("amount", " "));
        InvalidInput.throwIfAny(List.of());
        assertThrows(InvalidInput.class, () -> InvalidInput.throwIfAny(List.of(new Violation("a", "b"))));
    }

    @Test
    void aConflictIsA409TypedByItsCodeAndAnIllegalStepNamesTheAllowedOnes() {
        Problem conflict = ProblemMappers.toProblem(new StateConflict("refund-exceeds-remainder", "only 10.00 is left"));
        assertEquals(409, conflict.getStatus());
        assertEquals("https://problems.bankcrm.io/refund-exceeds-remainder", conflict.getType().toString());
        assertEquals("only 10.00 is left", conflict.getDetail());
        assertTrue(conflict.getProperties().isEmpty());

        Problem step = ProblemMappers.toProblem(new IllegalTransition("Light", Light.GREEN, Light.RED,
                Set.of(Light.OFF, Light.AMBER), null));
        assertEquals("https://problems.bankcrm.io/illegal-transition", step.getType().toString());
        assertEquals("GREEN", step.getProperties().get("from"));
        assertEquals("RED", step.getProperties().get("to"));
        assertEquals(List.of("AMBER", "OFF"), List.copyOf((java.util.Collection<?>) step.getProperties().get("allowed")));
        assertThrows(IllegalArgumentException.class, () -> new StateConflict("Not Kebab", "x"));
    }
}
