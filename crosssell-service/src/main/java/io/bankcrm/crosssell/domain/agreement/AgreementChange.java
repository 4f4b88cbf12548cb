package io.bankcrm.crosssell.domain.agreement;

import io.bankcrm.platform.domain.Transition;

import java.util.Objects;

/** A status change of an agreement (who, when, why) and what it does to the agreement's open leads. */
public record AgreementChange(Transition<AgreementStatus> transition, AgreementLeadEffect leadEffect) {

    public AgreementChange {
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(leadEffect, "leadEffect");
    }

    /** The reason the leads carry: "payroll agreement terminated: employer moved its payroll to another bank". */
    public String leadReason(AgreementKind kind) {
        String what = kind == AgreementKind.PAYROLL ? "payroll agreement" : "collection agreement";
        String verb = switch (leadEffect) {
            case HOLD -> "suspended";
            case RELEASE -> "reactivated";
            case EXPIRE -> "terminated";
            case NONE -> transition.to().name().toLowerCase(java.util.Locale.ROOT);
        };
        return what + " " + verb + (transition.reason() == null ? "" : ": " + transition.reason());
    }
}
