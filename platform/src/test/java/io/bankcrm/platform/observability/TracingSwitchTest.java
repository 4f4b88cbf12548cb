package io.bankcrm.platform.observability;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Container-free: tracing is off unless an OTLP endpoint is configured, and an explicit setting wins. */
class TracingSwitchTest {

    @Test
    void offWithoutAnEndpoint() {
        assertEquals(true, disabled(Map.of()));
        assertEquals(true, disabled(Map.of("quarkus.otel.exporter.otlp.endpoint", " ")));
    }

    @Test
    void onOnceEitherEndpointIsConfigured() {
        assertEquals(false, disabled(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector:4317")));
        assertEquals(false, disabled(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://collector:4317")));
    }

    @Test
    void anExplicitSettingWins() {
        assertEquals(true, disabled(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector:4317",
                "quarkus.otel.sdk.disabled", "true")));
        assertEquals(false, disabled(Map.of("quarkus.otel.sdk.disabled", "false")));
    }

    private static boolean disabled(Map<String, String> given) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(given, "given", 100))
                .withSources(new TracingSwitch())
                .build();
        return config.getValue("quarkus.otel.sdk.disabled", Boolean.class);
    }
}
