package io.bankcrm.platform.pii;

import io.bankcrm.platform.config.PlatformConfig;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.bankcrm.platform.web.RequestIds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The PII access trail (table {@code pii_access}): every time a caller is shown personal identifiers unmasked, who,
 * when, which record, which fields and the request id are written down, in a transaction of their own and before
 * the answer leaves, so no unmasked read goes unrecorded. Kept for {@code crm.pii.access-retention}.
 */
@ApplicationScoped
public class PiiAccessTrail {

    private final EntityManager em;
    private final Caller caller;
    private final BankClock clock;
    private final RequestIds requests;
    private final PlatformConfig config;

    public PiiAccessTrail(EntityManager em, Caller caller, BankClock clock, RequestIds requests,
                          PlatformConfig config) {
        this.em = em;
        this.caller = caller;
        this.clock = clock;
        this.requests = requests;
        this.config = config;
    }

    /** Records that the current caller is being shown these fields of the record unmasked. */
    public void record(String subjectType, UUID subjectId, List<String> fields) {
        String by = caller.name();
        Instant at = clock.now();
        String requestId = requests.current().orElse(null);
        String operation = requests.operation().orElse(null);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into pii_access (accessed_at, accessed_by, subject_type, subject_id, fields, request_id,
                                                operation)
                        values (?1, ?2, ?3, ?4, string_to_array(?5, ','), ?6, ?7)""")
                .setParameter(1, at).setParameter(2, by).setParameter(3, subjectType).setParameter(4, subjectId)
                .setParameter(5, String.join(",", fields)).setParameter(6, requestId).setParameter(7, operation)
                .executeUpdate());
    }

    /**
     * The trail, newest first, of one record, one user or both (at least one of them); cursor-paged.
     */
    public Page<PiiAccessRecord> list(UUID subjectId, String accessedBy, Integer limit, String cursor) {
        if (subjectId == null && (accessedBy == null || accessedBy.isBlank())) {
            throw ProblemException.badRequest("name the record (customerId) or the user (user) whose trail to list");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        StringBuilder sql = new StringBuilder("select * from pii_access where true");
        List<Object> parameters = new ArrayList<>();
        if (subjectId != null) {
            parameters.add(subjectId);
            sql.append(" and subject_id = ?").append(parameters.size());
        }
        if (accessedBy != null && !accessedBy.isBlank()) {
            parameters.add(accessedBy);
            sql.append(" and accessed_by = ?").append(parameters.size());
        }
        if (!page.first()) {
            parameters.add(page.afterLong(0));
            sql.append(" and id < ?").append(parameters.size());
        }
        sql.append(" order by id desc limit ").append(page.limit() + 1);
        Query query = em.createNativeQuery(sql.toString(), Tuple.class);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return Page.fromOverfetch(SqlRow.list(query).stream().map(PiiAccessRecord::of).toList(), page.limit(),
                r -> r, r -> PageRequest.cursorAfter(Long.toString(r.id())));
    }

    /** Deletes the entries recorded before {@code cutoff}; returns how many. */
    public int purgeRecordedBefore(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "delete from pii_access where accessed_at < ?1")
                .setParameter(1, cutoff).executeUpdate());
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        purgeRecordedBefore(Instant.now().minus(config.pii().accessRetention()));
    }
}
