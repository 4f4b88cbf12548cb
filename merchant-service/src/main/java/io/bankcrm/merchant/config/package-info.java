/**
 * Typed settings (phase B): the settlement cut-off and zone, the onboarding SLAs, the bank's card BIN ranges that
 * make a transaction on-us, customer-service's address for referral sign-ups.
 */
package io.bankcrm.merchant.config;
