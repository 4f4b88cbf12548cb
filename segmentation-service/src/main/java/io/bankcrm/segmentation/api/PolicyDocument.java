package io.bankcrm.segmentation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bankcrm.platform.problem.FieldViolation;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.segmentation.domain.Segment;
import io.bankcrm.segmentation.domain.TierBand;
import io.bankcrm.segmentation.domain.TieringMethod;
import io.bankcrm.segmentation.domain.TieringPolicy;
import io.bankcrm.segmentation.domain.ValueScore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiering policy as clients write it. Each band names its tier and, except the last, its bound under the
 * method's name for it: {@code profitShareUpTo} (PARETO, percent of profit), {@code customerShareUpTo}
 * (PERCENTILE, percent of customers) or {@code minScore} (THRESHOLDS, value score out of 100). Ranges and the
 * order of bounds are the domain's rules ({@link TieringPolicy#problems}).
 */
public record PolicyDocument(
        @NotBlank @Size(max = 200) String name,
        @NotNull Segment segment,
        @NotNull TieringMethod method,
        @NotNull @Schema(minimum = "1", maximum = "36") Integer windowMonths,
        @NotNull @Size(min = TieringPolicy.MIN_BANDS, max = TieringPolicy.MAX_BANDS) List<@NotNull @Valid Band> bands,
        ValueScore score,
        @NotNull @Schema(minimum = "1", maximum = "12") Integer growthMonths,
        @NotNull @Schema(minimum = "1", maximum = "12") Integer downgradeAfterRuns,
        @NotNull @Schema(minimum = "0", maximum = "36") Integer minMonthsInTier) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Band(@NotBlank @Size(max = 30) String tier, BigDecimal profitShareUpTo, BigDecimal customerShareUpTo,
                       BigDecimal minScore) {

        BigDecimal bound(TieringMethod method) {
            return switch (method) {
                case PARETO -> profitShareUpTo;
                case PERCENTILE -> customerShareUpTo;
                case THRESHOLDS -> minScore;
            };
        }

        static Band of(TieringMethod method, TierBand band) {
            return new Band(band.tier(), method == TieringMethod.PARETO ? band.bound() : null,
                    method == TieringMethod.PERCENTILE ? band.bound() : null,
                    method == TieringMethod.THRESHOLDS ? band.bound() : null);
        }
    }

    /** The domain policy (without identity yet); a bound under another method's name is refused here. */
    public TieringPolicy toPolicy() {
        List<FieldViolation> misplaced = new ArrayList<>();
        List<TierBand> domainBands = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            for (TieringMethod other : TieringMethod.values()) {
                if (other != method && band.bound(other) != null) {
                    misplaced.add(new FieldViolation("bands[" + i + "]." + other.boundName(),
                            "is not used by the " + method + " method; use " + method.boundName()));
                }
            }
            domainBands.add(new TierBand(band.tier(), band.bound(method)));
        }
        if (!misplaced.isEmpty()) {
            throw ProblemException.validation(misplaced);
        }
        return new TieringPolicy(null, 0, name, segment, method, windowMonths, domainBands, score, growthMonths,
                downgradeAfterRuns, minMonthsInTier);
    }
}
