package io.bankcrm.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bankcrm.platform.problem.FieldViolation;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.problem.ProblemMappers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * RFC 7396 JSON merge patch ({@code application/merge-patch+json}) for a {@code PATCH} of a record: the current
 * value as a JSON document, the patch merged into it, the result read back and bean-validated, and the names of
 * the components the patch changed. Bad patches are 400 problems naming the fields.
 */
@ApplicationScoped
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectMapper mapper;
    private final Validator validator;

    public MergePatch(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /**
     * {@code current} with {@code patch} merged in, read as {@code type} (unknown members are refused as the
     * service's JSON settings say) and checked against its bean-validation constraints.
     *
     * @throws ProblemException 400 when the patch is not a JSON object, does not read as {@code type}, or breaks a
     *                          constraint (every field named)
     */
    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("a merge patch must be a JSON object");
        }
        JsonNode document = merge(mapper.valueToTree(current), patch);
        T patched;
        try {
            patched = mapper.treeToValue(document, type);
        } catch (JsonProcessingException e) {
            throw new ProblemException("validation", "Request is invalid", 400, "the patch is invalid",
                    ProblemMappers.jsonProblem(e).getErrors(), null);
        }
        List<FieldViolation> invalid = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(patched)) {
            invalid.add(new FieldViolation(v.getPropertyPath().toString(), v.getMessage()));
        }
        if (!invalid.isEmpty()) {
            invalid.sort(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message));
            throw ProblemException.validation(invalid);
        }
        return patched;
    }

    /**
     * RFC 7396 section 2: an object patch merges member by member (null removes the member, an object merges
     * into the member, anything else replaces it); any other patch replaces the target. Leaves both arguments
     * unchanged.
     */
    public static JsonNode merge(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> members = patch.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    /**
     * The components of two values of one record type that differ, in declaration order; decimals compare by
     * value, so 100.0 and 100.00 are the same amount.
     */
    public static <R extends Record> List<String> changedFields(R before, R after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.getClass() != after.getClass()) {
            throw new IllegalArgumentException("cannot compare a " + before.getClass().getSimpleName() + " with a "
                    + after.getClass().getSimpleName());
        }
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            try {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true); // a record need not be public
                Object a = accessor.invoke(before);
                Object b = accessor.invoke(after);
                boolean same = a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y) == 0
                        : Objects.equals(a, b);
                if (!same) {
                    changed.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
        }
        return changed;
    }
}
