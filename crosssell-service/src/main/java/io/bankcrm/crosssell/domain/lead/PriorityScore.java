package io.bankcrm.crosssell.domain.lead;

import java.util.List;

/**
 * A lead's priority, 0 to 100, and how it was reached, one component per factor in a fixed order. The same inputs
 * always give the same score; open leads are worked highest score first, then oldest first.
 */
public record PriorityScore(int total, List<ScoreComponent> components) {

    public PriorityScore {
        components = List.copyOf(components);
        int sum = components.stream().mapToInt(ScoreComponent::points).sum();
        if (sum != total) {
            throw new IllegalArgumentException("the components add up to " + sum + ", not " + total);
        }
    }

    public ScoreComponent component(ScoreFactor factor) {
        return components.stream().filter(c -> c.factor() == factor).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no component " + factor));
    }

    /** "72 = tier 23 + salary band 19 + product fit 25 + employer tier 5" — for a list view's tooltip. */
    public String summary() {
        StringBuilder s = new StringBuilder().append(total).append(" =");
        String sep = " ";
        for (ScoreComponent c : components) {
            s.append(sep).append(c.factor().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                    .append(' ').append(c.points());
            sep = " + ";
        }
        return s.toString();
    }
}
