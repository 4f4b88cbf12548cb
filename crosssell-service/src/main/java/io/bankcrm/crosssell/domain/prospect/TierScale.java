package io.bankcrm.crosssell.domain.prospect;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The value tiers segmentation-service assigns, top first, one ladder per customer kind (retail tiers for
 * individuals, corporate tiers for corporates). Rank 1 is the top; a tier not on the ladder has no rank and counts
 * as untiered.
 */
public record TierScale(List<String> retail, List<String> corporate) {

    /** The ladders segmentation-service is seeded with. */
    public static final TierScale DEFAULT = new TierScale(
            List.of("PLATINUM", "GOLD", "SILVER", "MASS"), List.of("STRATEGIC", "KEY", "CORE", "BASIC"));

    public TierScale {
        retail = List.copyOf(retail);
        corporate = List.copyOf(corporate);
        if (retail.isEmpty() || corporate.isEmpty()) {
            throw new IllegalArgumentException("each ladder needs at least one tier");
        }
        Set<String> seen = new HashSet<>();
        for (String code : concat(retail, corporate)) {
            if (!seen.add(code.toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("tier " + code + " appears twice");
            }
        }
    }

    public List<String> ladder(CustomerKind kind) {
        return kind == CustomerKind.INDIVIDUAL ? retail : corporate;
    }

    /** How many tiers the kind's ladder has. */
    public int levels(CustomerKind kind) {
        return ladder(kind).size();
    }

    /** The rank of {@code tier} on the kind's ladder (1 the top), or empty when it is null or not on it. */
    public OptionalInt rankOf(CustomerKind kind, String tier) {
        if (tier == null) {
            return OptionalInt.empty();
        }
        int index = ladder(kind).indexOf(tier);
        return index < 0 ? OptionalInt.empty() : OptionalInt.of(index + 1);
    }

    /** Whether {@code tier} is at or above {@code minimum} on the kind's ladder; an untiered customer is not. */
    public boolean meets(CustomerKind kind, String tier, String minimum) {
        OptionalInt rank = rankOf(kind, tier);
        OptionalInt bar = rankOf(kind, minimum);
        if (bar.isEmpty()) {
            throw new IllegalArgumentException(minimum + " is not a " + kind + " tier");
        }
        return rank.isPresent() && rank.getAsInt() <= bar.getAsInt();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
