package io.bankcrm.platform.inbox;

import java.time.Instant;
import java.util.UUID;

/** An event as received: its CloudEvents attributes and its decoded data. */
public record IncomingEvent<T>(UUID id, String type, String source, String subject, Instant time, T data) {
}
