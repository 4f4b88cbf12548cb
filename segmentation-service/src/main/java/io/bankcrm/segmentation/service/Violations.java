package io.bankcrm.segmentation.service;

import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.Violation;
import io.bankcrm.platform.problem.FieldViolation;

import java.util.List;

/** The domain's violations as the fields of a 400 problem, or of a bulk file's row errors. */
final class Violations {

    private Violations() {
    }

    static List<FieldViolation> fields(List<Violation> violations) {
        return violations.stream().map(FieldViolation::of).toList();
    }

    /** Throws a 400 naming every violation; does nothing when there is none. */
    static void refuse(List<Violation> violations) {
        InvalidInput.throwIfAny(violations);
    }
}
