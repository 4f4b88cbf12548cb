package io.bankcrm.merchant.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of merchant-service (docs/OPERATIONS.md, merchant-service table). */
@ConfigMapping(prefix = "merchant")
public interface MerchantConfig {

    Onboarding onboarding();

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
