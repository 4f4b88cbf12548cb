package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.agreement.AgreementChange;

/** An agreement's status moved; observers apply the change's effect on the open leads in the same transaction. */
public record AgreementChanged(StoredAgreement before, AgreementChange change) {
}
