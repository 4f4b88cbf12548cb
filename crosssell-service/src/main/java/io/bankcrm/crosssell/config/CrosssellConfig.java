package io.bankcrm.crosssell.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** Settings of crosssell-service. */
@ConfigMapping(prefix = "crosssell")
public interface CrosssellConfig {

    Tiers tiers();

    Priority priority();

    interface Tiers {
        /** Retail value tiers, top first, as segmentation-service names them. */
        @WithDefault("PLATINUM,GOLD,SILVER,MASS")
        List<String> retail();

        /** Corporate value tiers, top first. */
        @WithDefault("STRATEGIC,KEY,CORE,BASIC")
        List<String> corporate();
    }

    /** Most points each factor of a lead's priority gives; the four add up to 100 (checked at start-up). */
    interface Priority {
        /** Points for the customer's own tier. */
        @WithDefault("30")
        int tierWeight();

        /** Points for the salary band. */
        @WithDefault("25")
        int salaryBandWeight();

        /** Points for the product's fit. */
        @WithDefault("25")
        int productFitWeight();

        /** Points for the employer's tier. */
        @WithDefault("20")
        int employerTierWeight();
    }
}
