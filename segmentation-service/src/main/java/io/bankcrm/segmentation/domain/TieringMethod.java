package io.bankcrm.segmentation.domain;

/** How a policy ranks customers into its bands, and what a band's bound means for it. */
public enum TieringMethod {
    /** By contribution: the customers who together bring the first X% of profit form the top tier, and so on. */
    PARETO("profitShareUpTo"),
    /** By contribution rank: the top X% of customers form the top tier, and so on. */
    PERCENTILE("customerShareUpTo"),
    /** By a weighted value score of scale, business volume and credit rating against minimum scores. */
    THRESHOLDS("minScore");

    private final String boundName;

    TieringMethod(String boundName) {
        this.boundName = boundName;
    }

    /** The name a band's bound has in a policy document of this method. */
    public String boundName() {
        return boundName;
    }
}
