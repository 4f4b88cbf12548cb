/**
 * Use cases and their transactions (phase B): each loads the domain objects, applies a domain rule, stores the
 * result and writes its events to the outbox in the same transaction.
 */
package io.bankcrm.merchant.service;
