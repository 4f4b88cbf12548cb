package io.bankcrm.crosssell.domain.lead;

import io.bankcrm.platform.domain.Transition;

/** The life cycle after a step, and the step itself for the lead's history. */
public record LeadStep(LeadLifecycle after, Transition<LeadStatus> transition) {
}
