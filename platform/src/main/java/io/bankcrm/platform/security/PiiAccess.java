package io.bankcrm.platform.security;

import io.bankcrm.platform.pii.Masking;
import jakarta.enterprise.context.RequestScoped;

import java.util.function.UnaryOperator;

/** Shows personal identifiers to callers holding {@link Roles#PII_READER}, masked to everyone else. */
@RequestScoped
public class PiiAccess {

    private final Caller caller;

    public PiiAccess(Caller caller) {
        this.caller = caller;
    }

    public boolean unmasked() {
        return caller.hasRole(Roles.PII_READER);
    }

    public String idNumber(String clear) {
        return show(clear, Masking::idNumber);
    }

    public String phone(String clear) {
        return show(clear, Masking::phone);
    }

    public String email(String clear) {
        return show(clear, Masking::email);
    }

    private String show(String clear, UnaryOperator<String> mask) {
        return clear == null ? null : unmasked() ? clear : mask.apply(clear);
    }
}
