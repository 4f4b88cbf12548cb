package io.bankcrm.platform.observability;

import io.bankcrm.platform.config.PlatformConfig;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Every metric a service exports carries {@code service} (its {@code crm.service-name}), for dashboards and alerts. */
@Singleton
public class MetricTags {

    @Produces
    @Singleton
    MeterFilter serviceTag(PlatformConfig config) {
        return MeterFilter.commonTags(Tags.of("service", config.serviceName()));
    }
}
