package io.bankcrm.crosssell.domain.team;

import java.time.LocalDate;
import java.util.Objects;

/** A member away (leave, training), from and to the given days inclusive, in the bank's calendar. */
public record Absence(LocalDate from, LocalDate to) {

    public Absence {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("an absence ends on or after it starts: " + from + " to " + to);
        }
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
