package io.bankcrm.segmentation.domain;

/**
 * Retail and corporate customers are tiered by separate policies: their value is of a different scale and they
 * are served by different teams. A customer's segment follows from the kind customer-service registered.
 */
public enum Segment {
    RETAIL("INDIVIDUAL"),
    CORPORATE("CORPORATE");

    private final String customerKind;

    Segment(String customerKind) {
        this.customerKind = customerKind;
    }

    /** The {@code kind} of {@code CustomerRegistered} that belongs to this segment. */
    public String customerKind() {
        return customerKind;
    }

    public static Segment ofCustomerKind(String kind) {
        for (Segment segment : values()) {
            if (segment.customerKind.equals(kind)) {
                return segment;
            }
        }
        throw new IllegalArgumentException("unknown customer kind " + kind);
    }
}
