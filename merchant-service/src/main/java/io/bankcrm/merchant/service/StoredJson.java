package io.bankcrm.merchant.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.platform.money.Money;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.Map;

/** The answers stored with transactions and refunds (jsonb), written and read with the service's ObjectMapper. */
@ApplicationScoped
public class StoredJson {

    private final ObjectMapper mapper;

    public StoredJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " is not readable", e);
        }
    }

    /** A part of a split as a column value: zero when the party has none. */
    static <K> BigDecimal part(Map<K, Money> parts, K key) {
        Money m = parts.get(key);
        return m == null ? BigDecimal.ZERO.setScale(2) : m.amount();
    }
}
