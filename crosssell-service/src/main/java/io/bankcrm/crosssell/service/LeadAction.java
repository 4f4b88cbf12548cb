package io.bankcrm.crosssell.service;

/** The steps a person takes on a lead; conversion has its own endpoint, the service's steps none. */
public enum LeadAction {
    CONTACT, QUALIFY, LOSE
}
