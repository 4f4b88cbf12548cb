package io.bankcrm.merchant.service;

/** The steps merchant-ops (and risk, for {@link #ASSESS_RISK}) take on a merchant's onboarding. */
public enum OnboardingAction {
    VERIFY_DOCUMENTS,
    ASSESS_RISK,
    SIGN_AGREEMENT,
    INSTALL_TERMINALS,
    COMPLETE_TRAINING,
    ACTIVATE,
    SUSPEND,
    REINSTATE,
    TERMINATE
}
