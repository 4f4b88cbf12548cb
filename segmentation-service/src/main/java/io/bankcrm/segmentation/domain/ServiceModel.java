package io.bankcrm.segmentation.domain;

/** How the bank serves the customers of a tier. */
public enum ServiceModel {
    /** A named relationship manager who knows the customer. */
    DEDICATED_RELATIONSHIP_MANAGER,
    /** A senior coverage team with advisory, for strategic corporate clients. */
    STRATEGIC_ADVISORY,
    /** Everything at one counter in the branch. */
    ONE_STOP_BRANCH,
    /** Online and mobile self-service. */
    DIGITAL_SELF_SERVICE
}
