package io.bankcrm.platform.validation;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** @Size counts characters: 99 emoji fit 100; collections still count elements. */
class CodePointSizeTest {

    record Named(@Size(max = 100) String name, @Size(max = 2) List<String> tags) {
    }

    static final Validator VALIDATOR = validator();

    static Validator validator() {
        HibernateValidatorConfiguration configuration = Validation.byProvider(HibernateValidator.class).configure();
        new CodePointSize().customize(configuration);
        return configuration.buildValidatorFactory().getValidator();
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        assertEquals(0, VALIDATOR.validate(new Named("😀".repeat(99), List.of())).size());
        assertEquals(0, VALIDATOR.validate(new Named("😀".repeat(100), List.of())).size());
        assertEquals(1, VALIDATOR.validate(new Named("😀".repeat(101), List.of())).size());
        assertEquals(1, VALIDATOR.validate(new Named("张".repeat(10_000), List.of())).size());
    }

    @Test
    void collectionsCountElements() {
        assertEquals(0, VALIDATOR.validate(new Named("a", List.of("x", "y"))).size());
        assertEquals(1, VALIDATOR.validate(new Named("a", List.of("x", "y", "z"))).size());
    }

    @Test
    void textProblems() {
        assertEquals(null, Text.problemOf("张伟 😀"));
        assertEquals("must not contain the NUL character", Text.problemOf("a\u0000"));
        assertEquals("must not contain an unpaired surrogate", Text.problemOf("\udc00"));
        assertEquals(2, Text.length("😀😀"));
    }
}
