package io.bankcrm.segmentation.domain;

import java.math.BigDecimal;

/**
 * The THRESHOLDS method's value score, 0 to 100 with two decimals: a weighted mean of three parts of 0 to 100
 * points each. Scale is the average monthly deposits, loans and assets under management over the window,
 * earning full points at {@code scaleFullMarks}; volume is the average monthly transaction amount (including
 * card spending), earning full points at {@code volumeFullMarks}; the credit rating earns
 * {@link CreditRating#points()}. Every division rounds half up, exactly, in Java and in SQL alike.
 */
public record ValueScore(BigDecimal scaleWeight, BigDecimal volumeWeight, BigDecimal ratingWeight,
                         BigDecimal scaleFullMarks, BigDecimal volumeFullMarks) {

    /** Sum over the window of the monthly deposits + loans + assets under management. */
    public static final String SCALE_TOTAL = "scale_total";
    /** Sum over the window of the monthly transaction amount, card spending included. */
    public static final String VOLUME_TOTAL = "volume_total";
    /** Months of the window the customer has facts for: the divisor of the averages. */
    public static final String MONTHS_REPORTED = "months_reported";
    public static final String CREDIT_RATING = "credit_rating";

    private static final BigDecimal HUNDREDTHS = BigDecimal.valueOf(10_000);

    public BigDecimal totalWeight() {
        return scaleWeight.add(volumeWeight).add(ratingWeight);
    }

    public BigDecimal score(BigDecimal scaleTotal, BigDecimal volumeTotal, long monthsReported, CreditRating rating) {
        BigDecimal scale = partHundredths(scaleTotal, scaleFullMarks, monthsReported);
        BigDecimal volume = partHundredths(volumeTotal, volumeFullMarks, monthsReported);
        BigDecimal ratingPart = BigDecimal.valueOf(CreditRating.pointsOf(rating) * 100L);
        BigDecimal weighted = scaleWeight.multiply(scale).add(volumeWeight.multiply(volume))
                .add(ratingWeight.multiply(ratingPart));
        return Decimals.roundHalfUpDiv(weighted, totalWeight()).movePointLeft(2);
    }

    /** The same score over the columns {@link #SCALE_TOTAL}, {@link #VOLUME_TOTAL}, ... of a run's table. */
    public String sql() {
        String weighted = SqlText.number(scaleWeight) + " * " + partSql(SCALE_TOTAL, scaleFullMarks)
                + " + " + SqlText.number(volumeWeight) + " * " + partSql(VOLUME_TOTAL, volumeFullMarks)
                + " + " + SqlText.number(ratingWeight) + " * (" + CreditRating.pointsSql(CREDIT_RATING) + ") * 100";
        return "round(" + SqlText.roundHalfUpDiv(weighted, SqlText.number(totalWeight())) + " / 100, 2)";
    }

    /** One part in hundredths of a point: the monthly average against full marks, capped at 100 points. */
    private static BigDecimal partHundredths(BigDecimal total, BigDecimal fullMarks, long months) {
        if (months <= 0 || total.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal part = Decimals.roundHalfUpDiv(total.multiply(HUNDREDTHS), fullMarks.multiply(BigDecimal.valueOf(months)));
        return part.min(HUNDREDTHS);
    }

    private static String partSql(String totalColumn, BigDecimal fullMarks) {
        return "(case when " + MONTHS_REPORTED + " <= 0 or " + totalColumn + " <= 0 then 0 else least(10000, "
                + SqlText.roundHalfUpDiv(totalColumn + " * 10000", SqlText.number(fullMarks) + " * " + MONTHS_REPORTED)
                + ") end)";
    }
}
