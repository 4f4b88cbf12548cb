package io.bankcrm.segmentation.api;

import jakarta.ws.rs.core.SecurityContext;

/** Who is calling, for the audit columns. */
final class Users {

    private Users() {
    }

    static String of(SecurityContext security) {
        return security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
    }
}
