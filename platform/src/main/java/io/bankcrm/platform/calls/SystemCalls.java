package io.bankcrm.platform.calls;

import io.bankcrm.platform.config.PlatformConfig;
import io.bankcrm.platform.observability.Tracing;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This service as a system caller of others' REST APIs: one {@link Dependency} per other service, each with its own
 * circuit breaker, all sending this service's token ({@link ServiceToken}). See platform/README.md.
 */
@ApplicationScoped
public class SystemCalls {

    private final PlatformConfig config;
    private final ServiceToken token;
    private final Tracing tracing;
    private final Map<String, Dependency> dependencies = new ConcurrentHashMap<>();

    public SystemCalls(PlatformConfig config, ServiceToken token, Tracing tracing) {
        this.config = config;
        this.token = token;
        this.tracing = tracing;
    }

    /**
     * The dependency called {@code name} (e.g. {@code customer-service}) at {@code baseUrl}; the same one (and
     * circuit) for every caller of this name.
     */
    public Dependency dependency(String name, String baseUrl) {
        return dependencies.computeIfAbsent(name, n -> new Dependency(n, URI.create(baseUrl), config.systemCaller(),
                token, tracing));
    }
}
