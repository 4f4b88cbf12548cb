package io.bankcrm.segmentation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bankcrm.segmentation.domain.Segment;
import io.bankcrm.segmentation.domain.TieringMethod;
import io.bankcrm.segmentation.domain.TieringPolicy;
import io.bankcrm.segmentation.domain.ValueScore;
import io.bankcrm.segmentation.service.StoredPolicy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A version of a tiering policy, in the shape of {@link PolicyDocument} plus its identity. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyView(UUID id, int version, String name, Segment segment, TieringMethod method, int windowMonths,
                         List<PolicyDocument.Band> bands, ValueScore score, int growthMonths, int downgradeAfterRuns,
                         int minMonthsInTier, Instant createdAt, String createdBy) {

    static PolicyView of(StoredPolicy stored) {
        TieringPolicy p = stored.policy();
        return new PolicyView(p.id(), p.version(), p.name(), p.segment(), p.method(), p.windowMonths(),
                p.bands().stream().map(b -> PolicyDocument.Band.of(p.method(), b)).toList(), p.score(),
                p.growthMonths(), p.downgradeAfterRuns(), p.minMonthsInTier(), stored.createdAt(), stored.createdBy());
    }
}
