package io.bankcrm.platform.inbox;

import io.bankcrm.events.EventType;

/**
 * Applies one type of event from another service. A CDI bean implementing it is subscribed at start-up;
 * {@link #handle} runs inside a transaction that also records the event id, so each event takes effect once.
 * Throw to refuse a message: it is retried, then parked on the dead-letter topic.
 */
public interface EventHandler<T> {

    EventType<T> eventType();

    void handle(IncomingEvent<T> event);
}
