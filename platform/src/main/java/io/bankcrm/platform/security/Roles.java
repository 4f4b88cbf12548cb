package io.bankcrm.platform.security;

/**
 * The roles of the suite, as they appear in the JWT {@code groups} claim. docs/SECURITY.md has the matrix of
 * what each may do.
 */
public final class Roles {

    /** Front-line staff who own customer relationships. */
    public static final String RELATIONSHIP_MANAGER = "relationship-manager";
    /** Leads a marketing team; sees the team's work and targets. */
    public static final String TEAM_LEAD = "team-lead";
    /** Runs merchant partnerships for the card business. */
    public static final String MERCHANT_OPS = "merchant-ops";
    /** Reads customer value and risk figures; runs tiering. */
    public static final String RISK_ANALYST = "risk-analyst";
    /** Administers the suite: policies, entitlements, reference data. */
    public static final String CRM_ADMIN = "crm-admin";
    /** Another bank system calling over HTTP (core banking, acquiring switch, data warehouse). */
    public static final String INTEGRATION = "integration";
    /** A permission, combined with a role: may see ID numbers, phones and e-mails unmasked. */
    public static final String PII_READER = "pii-reader";

    private Roles() {
    }
}
