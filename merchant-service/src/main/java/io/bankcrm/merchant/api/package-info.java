/**
 * REST resources and their request and response records (phase B; see the module README): merchants and their
 * onboarding, terminals, offers, fee split rules, instalment and referral programmes, card transactions and
 * refunds from the acquiring switch, settlement statements.
 */
package io.bankcrm.merchant.api;
