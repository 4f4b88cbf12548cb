package io.bankcrm.merchant.domain.onboarding;

import io.bankcrm.merchant.domain.merchant.MccGroup;

import java.util.EnumSet;
import java.util.Set;

/** The documents a merchant hands in before the bank verifies it. */
public enum DocumentType {
    /** 营业执照 */
    BUSINESS_LICENCE,
    /** 法定代表人身份证 */
    LEGAL_REPRESENTATIVE_ID,
    /** 开户许可证 or the bank's account confirmation */
    SETTLEMENT_ACCOUNT_PROOF,
    /** photos of the shop front and the till */
    PREMISES_PHOTOS,
    /** 食品经营许可证, for dining merchants */
    FOOD_BUSINESS_LICENCE;

    /** What a merchant of {@code group} must hand in. */
    public static Set<DocumentType> requiredFor(MccGroup group) {
        Set<DocumentType> required = EnumSet.of(BUSINESS_LICENCE, LEGAL_REPRESENTATIVE_ID, SETTLEMENT_ACCOUNT_PROOF,
                PREMISES_PHOTOS);
        if (group == MccGroup.DINING_ENTERTAINMENT) {
            required.add(FOOD_BUSINESS_LICENCE);
        }
        return required;
    }
}
