package io.bankcrm.segmentation.service;

import io.bankcrm.platform.imports.ImportRowHandler;
import io.bankcrm.platform.problem.FieldViolation;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.segmentation.config.SegmentationConfig;
import io.bankcrm.segmentation.domain.Months;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies the rows of a bulk value-facts file ({@code POST /v1/value-facts}). A row replaces the customer's
 * month, so a file sent twice stores each month once. Rows are checked here, before the transactional store is
 * called, so a refused row leaves the chunk's transaction usable for the others.
 */
@ApplicationScoped
public class ValueFactImport implements ImportRowHandler<ValueFactRow> {

    public static final String KIND = "value-facts";

    private final ValueFacts facts;
    private final SegmentationConfig config;
    private final BankClock clock;

    public ValueFactImport(ValueFacts facts, SegmentationConfig config, BankClock clock) {
        this.facts = facts;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<ValueFactRow> rowType() {
        return ValueFactRow.class;
    }

    @Override
    public void apply(ValueFactRow row, String submittedBy) {
        List<FieldViolation> problems = new ArrayList<>();
        if (row.customerId() == null) {
            problems.add(new FieldViolation("customerId", "is required"));
        }
        ValueFacts.periodProblem("period", row.period(), clock.currentMonth()).ifPresent(problems::add);
        problems.addAll(Violations.fields(row.figures().problems(config.reportingCurrency())));
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        facts.replace(row.customerId(), Months.parse(row.period()).orElseThrow(), row.figures(), "bulk:" + submittedBy, null);
    }
}
