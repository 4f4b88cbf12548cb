/**
 * Event consumers (phase B): the cardholders' value tiers from {@code crm.segmentation.v1}, kept as a read model
 * for offer eligibility. merchant-service publishes on {@code crm.merchant.v1} through the platform outbox.
 */
package io.bankcrm.merchant.messaging;
