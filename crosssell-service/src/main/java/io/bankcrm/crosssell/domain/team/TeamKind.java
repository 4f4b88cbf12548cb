package io.bankcrm.crosssell.domain.team;

/** Corporate teams sign and serve employers; retail teams work the employees' leads. */
public enum TeamKind {
    CORPORATE, RETAIL
}
