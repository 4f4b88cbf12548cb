package io.bankcrm.platform.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.platform.problem.FieldViolation;
import io.bankcrm.platform.problem.ProblemException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** RFC 7396 merge patch, the patched record's checks, and the changed fields (container-free). */
class MergePatchTest {

    private static final ObjectMapper JSON = json();
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    record Address(String city, String street) {
    }

    record Profile(@NotNull String name, @Size(max = 5) String branch, BigDecimal capital, Address address) {
    }

    private final MergePatch patches = new MergePatch(JSON, VALIDATOR);

    private static ObjectMapper json() {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        new ExactJsonNumbers().customize(mapper);
        return mapper;
    }

    @Test
    void moneyInAPatchStaysExact() throws Exception {
        Profile current = new Profile("Huaxia", null, new BigDecimal("50000000.00"), null);
        assertEquals(new BigDecimal("50000000.00"),
                patches.apply(current, JSON.readTree("{\"branch\":\"BJ01\"}"), Profile.class).capital());
        assertEquals(new BigDecimal("12345678901234567.89"), patches.apply(current,
                JSON.readTree("{\"capital\":12345678901234567.89}"), Profile.class).capital());
    }

    @Test
    void theExamplesOfRfc7396AppendixA() throws Exception {
        String[][] cases = {
                {"{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"},
                {"{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}"},
                {"{\"a\":\"b\"}", "{\"a\":null}", "{}"},
                {"{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}"},
                {"{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"},
                {"{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}"},
                {"{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}"},
                {"{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}"},
                {"[\"a\",\"b\"]", "[\"c\",\"d\"]", "[\"c\",\"d\"]"},
                {"{\"a\":\"b\"}", "[\"c\"]", "[\"c\"]"},
                {"{\"a\":\"foo\"}", "null", "null"},
                {"{\"a\":\"foo\"}", "\"bar\"", "\"bar\""},
                {"{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}"},
                {"[1,2]", "{\"a\":\"b\",\"c\":null}", "{\"a\":\"b\"}"},
                {"{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}"},
        };
        for (String[] c : cases) {
            JsonNode target = JSON.readTree(c[0]);
            JsonNode before = target.deepCopy();
            assertEquals(JSON.readTree(c[2]), MergePatch.merge(target, JSON.readTree(c[1])), c[0] + " + " + c[1]);
            assertEquals(before, target, "the target is left unchanged");
        }
    }

    @Test
    void aPatchChangesTheNamedFieldsAndNullClearsOne() throws Exception {
        Profile current = new Profile("Wang Fang", "BJ01", new BigDecimal("100.00"), new Address("Beijing", "Xinjiekou"));
        Profile patched = patches.apply(current,
                JSON.readTree("{\"branch\":null,\"address\":{\"street\":\"Shangdi\"}}"), Profile.class);
        assertEquals(new Profile("Wang Fang", null, new BigDecimal("100.00"), new Address("Beijing", "Shangdi")),
                patched);
        assertEquals(List.of("branch", "address"), MergePatch.changedFields(current, patched));
    }

    @Test
    void decimalsCompareByValueAndAnEmptyPatchChangesNothing() throws Exception {
        Profile current = new Profile("Wang Fang", "BJ01", new BigDecimal("100.00"), null);
        assertEquals(List.of(), MergePatch.changedFields(current,
                new Profile("Wang Fang", "BJ01", new BigDecimal("100.0"), null)));
        assertEquals(List.of(), MergePatch.changedFields(current, patches.apply(current, JSON.readTree("{}"),
                Profile.class)));
        assertEquals(List.of("capital"), MergePatch.changedFields(current,
                new Profile("Wang Fang", "BJ01", new BigDecimal("100.01"), null)));
    }

    @Test
    void badPatchesAre400sNamingTheFields() throws Exception {
        Profile current = new Profile("Wang Fang", "BJ01", null, null);
        assertEquals(400, assertThrows(ProblemException.class,
                () -> patches.apply(current, JSON.readTree("[1]"), Profile.class)).status());
        ProblemException invalid = assertThrows(ProblemException.class,
                () -> patches.apply(current, JSON.readTree("{\"name\":null,\"branch\":\"TOO-LONG\"}"), Profile.class));
        assertEquals(List.of("branch", "name"), invalid.toProblem().getErrors().stream().map(FieldViolation::field).toList());
        ProblemException unknown = assertThrows(ProblemException.class,
                () -> patches.apply(current, JSON.readTree("{\"nickname\":\"Fang\"}"), Profile.class));
        assertEquals(400, unknown.status());
        assertEquals(List.of("nickname"), unknown.toProblem().getErrors().stream().map(FieldViolation::field).toList());
    }

    @Test
    void onlyValuesOfOneRecordTypeCompare() {
        assertThrows(IllegalArgumentException.class,
                () -> MergePatch.changedFields(new Address("a", "b"), new Profile("x", null, null, null)));
    }
}
