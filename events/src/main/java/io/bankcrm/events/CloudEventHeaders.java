package io.bankcrm.events;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: the attributes travel as {@code ce_*} headers,
 * the record value is the event's JSON data and the record key is the aggregate id.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    /** Added to a dead-lettered message: why it failed and where it came from. */
    public static final String DLQ_ERROR = "crm_dlq_error";
    public static final String DLQ_EXCEPTION = "crm_dlq_exception";
    public static final String DLQ_ORIGINAL_TOPIC = "crm_dlq_original_topic";
    public static final String DLQ_ORIGINAL_PARTITION = "crm_dlq_original_partition";
    public static final String DLQ_ORIGINAL_OFFSET = "crm_dlq_original_offset";
    public static final String DLQ_ATTEMPTS = "crm_dlq_attempts";

    private CloudEventHeaders() {
    }
}
