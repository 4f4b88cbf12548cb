package io.bankcrm.platform.pii;

import io.bankcrm.platform.db.SqlRow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the PII access trail: who was shown which personal fields of which record, when, in which request.
 *
 * @param subjectType the kind of record, e.g. {@code customer}
 * @param fields      the fields shown unmasked, e.g. {@code idNumber}, {@code mobile}, {@code email}
 * @param operation   the request's method and path
 */
public record PiiAccessRecord(long id, Instant accessedAt, String accessedBy, String subjectType, UUID subjectId,
                              List<String> fields, String requestId, String operation) {

    static PiiAccessRecord of(SqlRow row) {
        return new PiiAccessRecord(row.longValue("id"), row.instant("accessed_at"), row.text("accessed_by"),
                row.text("subject_type"), row.uuid("subject_id"), row.texts("fields"), row.text("request_id"),
                row.text("operation"));
    }
}
