package io.bankcrm.merchant.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Settings of merchant-service (docs/OPERATIONS.md, merchant-service table). */
@ConfigMapping(prefix = "merchant")
public interface MerchantConfig {

    Onboarding onboarding();

    Card card();

    Settlement settlement();

    CustomerService customerService();

    interface CustomerService {
        /** customer-service's base URL: a referral sign-up registers its applicant there as a PROSPECT. */
        @WithDefault("http://localhost:8081")
        String url();

        /** A file holding the bearer token (a JWT with the integration role) sent to it; re-read when it changes. */
        java.util.Optional<String> tokenFile();

        /** Longest wait for its answer (and for the connection). */
        @WithDefault("10s")
        Duration timeout();
    }

    interface Card {
        /** The bank's own card BINs (first six digits): a card with one of them is on-us. */
        @WithDefault("622588,621483,410062")
        List<String> bankBins();
    }

    interface Settlement {
        /** The daily cut-off (HH:mm, bank zone): a transaction at or after it settles on the next day. */
        @WithDefault("23:00")
        @jakarta.validation.constraints.Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm")
        String cutoff();

        /**
         * How long after the cut-off the day's statements are built: transactions accepted just before it are
         * still being committed.
         */
        @WithDefault("15m")
        Duration grace();
    }

    interface Onboarding {
        /** Days after the application by which the documents are due (the requirements list's deadline). */
        @WithDefault("14")
        int documentDays();

        /** Longest wait in each status before the next step is overdue. */
        Sla sla();
    }

    interface Sla {
        @WithDefault("5d")
        Duration applied();

        @WithDefault("3d")
        Duration documentsVerified();

        @WithDefault("10d")
        Duration riskAssessed();

        @WithDefault("7d")
        Duration agreementSigned();

        @WithDefault("5d")
        Duration terminalInstalled();

        @WithDefault("2d")
        Duration trained();
    }
}
