package io.bankcrm.events;

import java.util.Objects;

/**
 * One kind of event: the topic it travels on, its CloudEvents type and the record that carries its data.
 * Producers and consumers name the same constant, so the two sides cannot drift apart.
 */
public record EventType<T>(String topic, String type, String aggregateType, Class<T> dataClass) {

    public EventType {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(dataClass, "dataClass");
    }
}
