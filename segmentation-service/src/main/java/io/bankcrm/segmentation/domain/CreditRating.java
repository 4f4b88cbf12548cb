package io.bankcrm.segmentation.domain;

import java.util.Arrays;
import java.util.Optional;

/** The bank's internal credit grades, best first, with the points each earns in the value score. */
public enum CreditRating {
    AAA(100), AA(90), A(80), BBB(65), BB(50), B(35), CCC(20), CC(10), C(5), D(0);

    private final int points;

    CreditRating(int points) {
        this.points = points;
    }

    /** Points out of 100 for the rating part of the value score. */
    public int points() {
        return points;
    }

    public static Optional<CreditRating> parse(String value) {
        return Arrays.stream(values()).filter(r -> r.name().equals(value)).findFirst();
    }

    /** The rating points of a nullable rating: an unrated customer earns none. */
    public static int pointsOf(CreditRating rating) {
        return rating == null ? 0 : rating.points;
    }

    /** The same mapping as SQL over a rating column; unrated and unknown values earn none. */
    public static String pointsSql(String column) {
        StringBuilder sql = new StringBuilder("case ").append(column);
        for (CreditRating rating : values()) {
            sql.append(" when '").append(rating.name()).append("' then ").append(rating.points);
        }
        return sql.append(" else 0 end").toString();
    }
}
