package io.bankcrm.events.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer granted or withdrew consent for one purpose on one channel.
 *
 * @param purpose MARKETING, PROFILING or GROUP_SHARING
 * @param channel SMS, EMAIL, PHONE or APP
 */
public record ConsentChanged(
        UUID customerId,
        String purpose,
        String channel,
        boolean granted,
        String source,
        Instant changedAt) {
}
