package io.bankcrm.crosssell.domain.lead;

import java.util.Objects;

/** One factor's share of a priority score, with the sentence that explains it: "tier GOLD (2 of 4): 20 of 30". */
public record ScoreComponent(ScoreFactor factor, int points, int maxPoints, String explanation) {

    public ScoreComponent {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(explanation, "explanation");
        if (points < 0 || points > maxPoints) {
            throw new IllegalArgumentException(factor + ": " + points + " points of at most " + maxPoints);
        }
    }
}
