package io.bankcrm.merchant.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.merchant.domain.card.PanDetector;
import io.bankcrm.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a full card number anywhere in a request of the switch (any text, number or member name of the JSON
 * body, any query value), before the body is bound, stored or logged: a 400 names the field and never the value.
 * Only then is the body read into its request type and validated.
 */
@ApplicationScoped
public class CardNumberScreen {

    static final String MESSAGE = "looks like a full card number, which merchant-service never accepts: send the "
            + "switch's card token and the last four digits";

    private final ObjectMapper mapper;
    private final Validator validator;

    public CardNumberScreen(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The body as {@code type}, validated; 400 naming the field when any part of it is a card number. */
    public <T> T read(JsonNode body, Class<T> type) throws JsonProcessingException {
        return read(body, type, java.util.Set.of());
    }

    /**
     * The same, but the members at {@code exempt} (paths like {@code applicant.idNumber}) are not screened: an
     * 18-digit resident ID number passes the Luhn check one time in ten, so it would be taken for a card number; such a
     * member has a pattern of its own, which the validation below applies.
     */
    public <T> T read(JsonNode body, Class<T> type, java.util.Set<String> exempt) throws JsonProcessingException {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("the body must be a JSON object");
        }
        screen(body, "", exempt);
        T value = mapper.treeToValue(body, type);
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }

    /** 400 when a query value is a card number. */
    public static void screen(String parameter, String value) {
        if (value != null && PanDetector.containsPan(value)) {
            throw ProblemException.invalidField(parameter, MESSAGE);
        }
    }

    private static void screen(JsonNode node, String path, java.util.Set<String> exempt) {
        if (exempt.contains(path) && (node.isTextual() || node.isNumber())) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                String field = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                if (PanDetector.containsPan(member.getKey())) {
                    throw ProblemException.invalidField(path.isEmpty() ? "(member name)" : path, MESSAGE);
                }
                screen(member.getValue(), field, exempt);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                screen(node.get(i), path + "[" + i + "]", exempt);
            }
        } else if ((node.isTextual() || node.isNumber()) && PanDetector.containsPan(node.asText())) {
            throw ProblemException.invalidField(path, MESSAGE);
        }
    }
}
