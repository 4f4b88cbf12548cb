package io.bankcrm.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.bankcrm.platform.problem.FieldViolation;
import io.bankcrm.platform.problem.Problem;
import io.bankcrm.platform.problem.ProblemMappers;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each class of JSON the fuzzer got through is refused, naming the field, in words without Java classes. */
class StrictJsonTest {

    enum Channel { BRANCH, PHONE }

    record Body(String name, Integer count, Boolean active, Channel channel, Instant at, LocalDate day,
                YearMonth month, BigDecimal amount, List<String> tags) {
    }

    static final ObjectMapper MAPPER = mapper();

    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new ExactJsonNumbers().customize(mapper);
        new StrictJson().customize(mapper);
        return mapper;
    }

    static Body read(String json) throws JsonProcessingException {
        return MAPPER.readValue(json, Body.class);
    }

    static FieldViolation refusal(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> read(json), json);
        Problem problem = ProblemMappers.jsonProblem(e);
        assertEquals(400, problem.getStatus());
        String words = problem.getDetail() + (problem.getErrors() == null ? "" : problem.getErrors().toString());
        assertFalse(words.contains("java.") || words.contains("io.bankcrm") || words.contains("StrictJsonTest"),
                "names a Java class: " + words);
        return problem.getErrors() == null ? new FieldViolation("body", problem.getDetail()) : problem.getErrors().get(0);
    }

    @Test
    void readsWhatIsWrittenCorrectly() throws JsonProcessingException {
        Body body = read("""
                {"name":"张伟 😀","count":3,"active":true,"channel":"PHONE","at":"2026-10-01T08:00:00.123456Z",
                 "day":"1990-03-07","month":"2026-10","amount":"100.00","tags":["a"]}""");
        assertEquals("张伟 😀", body.name());
        assertEquals(new BigDecimal("100.00"), body.amount());
        assertEquals(YearMonth.of(2026, 10), body.month());
    }

    @Test
    void refusesNumbersAndBooleansForText() {
        assertEquals("name", refusal("{\"name\":12}").field());
        assertEquals("name", refusal("{\"name\":1.5}").field());
        assertEquals("name", refusal("{\"name\":true}").field());
        assertEquals("tags[0]", refusal("{\"tags\":[7]}").field());
    }

    @Test
    void refusesEnumOrdinalsOneForTrueAndFractionsForIntegers() {
        assertEquals("channel", refusal("{\"channel\":1}").field());
        assertEquals("channel", refusal("{\"channel\":\"1\"}").field());
        assertEquals("channel", refusal("{\"channel\":\"\"}").field());
        assertEquals("active", refusal("{\"active\":1}").field());
        assertEquals("active", refusal("{\"active\":\"true\"}").field());
        assertEquals("active", refusal("{\"active\":\"\"}").field());
        assertEquals("count", refusal("{\"count\":1.5}").field());
        assertEquals("count", refusal("{\"count\":2.0}").field());
    }

    @Test
    void refusesEpochNumbersAndYearsOutsideTheCalendar() {
        assertEquals("at", refusal("{\"at\":1700000000}").field());
        assertEquals("at", refusal("{\"at\":1700000000.5}").field());
        assertEquals("day", refusal("{\"day\":19900307}").field());
        FieldViolation month = refusal("{\"month\":\"0000-01\"}");
        assertEquals("month", month.field());
        assertEquals("must have a year from 0001 to 9999", month.message());
    }

    @Test
    void refusesRepeatedMembersAndTrailingJunk() {
        assertTrue(refusal("{\"name\":\"a\",\"name\":\"b\"}").message().contains("Duplicate field"));
        assertEquals("must be one JSON document, with nothing after it", refusal("{\"name\":\"a\"} {}").message());
        refusal("{\"name\":\"a\"}x");
    }

    @Test
    void refusesNulAndUnpairedSurrogatesInText() {
        FieldViolation nul = refusal("{\"name\":\"a\\u0000b\"}");
        assertEquals("name", nul.field());
        assertEquals("must not contain the NUL character", nul.message());
        assertEquals("must not contain an unpaired surrogate", refusal("{\"name\":\"a\\ud800\"}").message());
        assertEquals("tags[0]", refusal("{\"tags\":[\"\\u0000\"]}").field());
    }

    @Test
    void theWrongShapeIsNamedWithoutJavaClasses() {
        FieldViolation array = refusal("[1,2]");
        assertEquals("body", array.field());
        assertEquals("must be a valid object", array.message());
    }
}
