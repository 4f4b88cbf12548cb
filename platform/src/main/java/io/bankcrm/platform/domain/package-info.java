/**
 * What every service's {@code domain} package may use to refuse a request, in plain Java (no framework types, so
 * the layering rules let the domain depend on it): {@link io.bankcrm.platform.domain.InvalidInput} with its
 * {@link io.bankcrm.platform.domain.Violation}s (the web layer answers 400 naming each field),
 * {@link io.bankcrm.platform.domain.StateConflict} (409, its {@code code} the problem type) and the life-cycle table
 * {@link io.bankcrm.platform.domain.TransitionTable} whose refusal,
 * {@link io.bankcrm.platform.domain.IllegalTransition}, is a 409 naming the allowed steps. platform's
 * {@code ProblemMappers} maps them once for every service.
 */
package io.bankcrm.platform.domain;
