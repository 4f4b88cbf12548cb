package io.bankcrm.events;

/** The one topic per producing service, and the dead-letter topic beside each consumed one. */
public final class Topics {

    public static final String CUSTOMER = "crm.customer.v1";
    public static final String SEGMENTATION = "crm.segmentation.v1";
    public static final String CROSSSELL = "crm.crosssell.v1";
    public static final String MERCHANT = "crm.merchant.v1";

    private Topics() {
    }

    /** Where a consumer parks a message it could not process after its bounded retries. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
