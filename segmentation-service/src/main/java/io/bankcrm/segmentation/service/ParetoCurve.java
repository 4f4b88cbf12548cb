package io.bankcrm.segmentation.service;

import io.bankcrm.segmentation.domain.Segment;
import io.bankcrm.segmentation.service.TieringReport.CurvePoint;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** The Pareto curve of a completed run: cumulative share of customers (best first) against share of profit. */
public record ParetoCurve(UUID runId, Segment segment, YearMonth asOfMonth, long customers, BigDecimal totalProfit,
                          BigDecimal topTwentyPercentProfitShare, List<CurvePoint> points) {
}
