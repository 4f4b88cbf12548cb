package io.bankcrm.platform.calls;

/** Where a system caller's bearer token comes from ({@code crm.system-caller.token-source}). */
public enum TokenSource {
    /** A file another process keeps fresh (the dev integration token locally); read again whenever it changes. */
    FILE,
    /** OAuth2 client credentials from the bank's authorization server, through quarkus-oidc-client. */
    CLIENT_CREDENTIALS
}
