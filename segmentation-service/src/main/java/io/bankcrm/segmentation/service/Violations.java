package io.bankcrm.segmentation.service;

import io.bankcrm.platform.problem.FieldViolation;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.segmentation.domain.Violation;

import java.util.List;

/** The domain's violations as the fields of a 400 problem. */
final class Violations {

    private Violations() {
    }

    static List<FieldViolation> fields(List<Violation> violations) {
        return violations.stream().map(v -> new FieldViolation(v.field(), v.message())).toList();
    }

    /** Throws a 400 naming every violation; does nothing when there is none. */
    static void refuse(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.validation(fields(violations));
        }
    }
}
