package io.bankcrm.platform.imports;

import io.bankcrm.platform.jobs.Gates;
import io.bankcrm.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The rows of test import files: a code and an amount, stored by code. Applying a row again changes nothing (as
 * {@link ImportRowHandler} requires); {@code applications} counts how many times a row's effect committed, so a
 * row applied twice would show. A negative amount is refused; a row may wait at the {@link Gates gate} of its code.
 */
@ApplicationScoped
public class TestRows implements ImportRowHandler<TestRows.Row> {

    public static final String KIND = "test-rows";

    public record Row(@NotBlank String code, @NotNull Integer amount) {
    }

    private final EntityManager em;

    public TestRows(EntityManager em) {
        this.em = em;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public void apply(Row row, String submittedBy) {
        if (row.amount() < 0) {
            throw ProblemException.invalidField("amount", "must not be negative");
        }
        try {
            Gates.pass(row.code());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        em.createNativeQuery("""
                        insert into test_import_row (code, amount) values (?1, ?2)
                        on conflict (code) do update set applications = test_import_row.applications + 1""")
                .setParameter(1, row.code()).setParameter(2, row.amount()).executeUpdate();
    }
}
