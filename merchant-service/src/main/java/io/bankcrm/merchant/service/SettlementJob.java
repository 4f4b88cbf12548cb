package io.bankcrm.merchant.service;

import io.bankcrm.platform.jobs.JobContext;
import io.bankcrm.platform.jobs.JobHandler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The day's settlement, as a platform job: pages through the merchants with a sale or a refund that settlement
 * day (id order) and builds and stores each one's statement in a transaction of its own, with the progress. A job
 * resumed after its worker died goes on; merchants already stored are skipped.
 */
@ApplicationScoped
public class SettlementJob implements JobHandler {

    public static final String KIND = "merchant-settlement";
    private static final int PAGE = 200;

    private final Settlements settlements;

    public SettlementJob(Settlements settlements) {
        this.settlements = settlements;
    }

    /** The settlement day to build. */
    public record Parameters(LocalDate day) {
    }

    /** What the job did: merchants whose statement it stored, and those stored before (a resumed run). */
    public record Summary(LocalDate day, long built, long skipped) {
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Recovery recovery() {
        return Recovery.RESUME;
    }

    @Override
    public void run(JobContext job) {
        LocalDate day = job.parameters(Parameters.class).day();
        UUID after = new UUID(0, 0); // below every uuid in PostgreSQL's (unsigned) order
        long built = 0;
        long skipped = 0;
        while (true) {
            UUID from = after;
            List<UUID> merchants = QuarkusTransaction.requiringNew().call(
                    () -> settlements.merchantsWithLines(day, from, PAGE));
            for (UUID merchant : merchants) {
                if (settlements.build(merchant, day, job.id())) {
                    built++;
                } else {
                    skipped++;
                }
                job.progress("BUILDING", built + skipped, null, new Summary(day, built, skipped));
                job.checkpoint();
            }
            if (merchants.size() < PAGE) {
                break;
            }
            after = merchants.get(merchants.size() - 1);
        }
        job.progress("COMPLETED", built + skipped, built + skipped, new Summary(day, built, skipped));
    }
}
