package io.bankcrm.platform.security;

import io.bankcrm.platform.pii.Masking;
import io.bankcrm.platform.pii.PiiAccessTrail;
import jakarta.enterprise.context.RequestScoped;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Shows personal identifiers to callers holding {@link Roles#PII_READER}, masked to everyone else. */
@RequestScoped
public class PiiAccess {

    private final Caller caller;
    private final PiiAccessTrail trail;

    public PiiAccess(Caller caller, PiiAccessTrail trail) {
        this.caller = caller;
        this.trail = trail;
    }

    public boolean unmasked() {
        return caller.hasRole(Roles.PII_READER);
    }

    /**
     * Whether to show a record's personal identifiers unmasked; when it does, the access is written to the
     * {@link PiiAccessTrail} first (who, when, the record, the fields, the request). Every unmasking view asks here.
     *
     * @param fields the identifiers the answer will show (those the record has)
     */
    public boolean reveal(String subjectType, UUID subjectId, List<String> fields) {
        if (!unmasked()) {
            return false;
        }
        if (!fields.isEmpty()) {
            trail.record(subjectType, subjectId, fields);
        }
        return true;
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
