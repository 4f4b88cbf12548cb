package io.bankcrm.crosssell.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** Settings of crosssell-service. */
@ConfigMapping(prefix = "crosssell")
public interface CrosssellConfig {

    /** ISO 4217 currency of the scoreboard's values and targets; conversions in another currency are not counted. */
    @WithDefault("CNY")
    String reportingCurrency();

    Tiers tiers();

    Priority priority();

    Sla sla();

    CustomerService customerService();

    /**
     * Where the roster job reaches customer-service (its REST API, as a system caller: the token, timeout, retries,
     * circuit breaker and pauses are platform's {@code crm.system-caller.*}).
     */
    interface CustomerService {
        /** Base URL, e.g. http://customer-service:8081. */
        @WithDefault("http://localhost:8081")
        String url();
    }

    interface Tiers {
        /** Retail value tiers, top first, as segmentation-service names them. */
        @WithDefault("PLATINUM,GOLD,SILVER,MASS")
        List<String> retail();

        /** Corporate value tiers, top first. */
        @WithDefault("STRATEGIC,KEY,CORE,BASIC")
        List<String> corporate();
    }

    /** The bank's working time, for first-contact deadlines of leads. */
    interface Sla {
        /** Working days of the week. */
        @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
        java.util.Set<java.time.DayOfWeek> workingDays();

        /** Working periods of a working day, HH:mm-HH:mm each (a lunch break is the gap between two). */
        @WithDefault("09:00-12:00,13:30-17:30")
        List<String> workingPeriods();

        /** A new team's first-contact service level, in working minutes, when none is given. */
        @WithDefault("480")
        int defaultFirstContactMinutes();
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
