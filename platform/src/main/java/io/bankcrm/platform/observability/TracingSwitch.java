package io.bankcrm.platform.observability;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;

/**
 * Tracing is off unless an OTLP endpoint is configured: {@code quarkus.otel.sdk.disabled} defaults to true, and to
 * false once {@code quarkus.otel.exporter.otlp.endpoint} or {@code quarkus.otel.exporter.otlp.traces.endpoint} is
 * set (e.g. {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4317}). Quarkus' own default endpoint
 * (localhost) does not count. An explicit {@code quarkus.otel.sdk.disabled} anywhere wins (this source's ordinal
 * is below every file and the environment).
 */
public class TracingSwitch implements ConfigSourceFactory {

    static final String DISABLED = "quarkus.otel.sdk.disabled";
    static final List<String> ENDPOINTS =
            List.of("quarkus.otel.exporter.otlp.endpoint", "quarkus.otel.exporter.otlp.traces.endpoint");
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean endpoint = ENDPOINTS.stream().map(context::getValue).anyMatch(TracingSwitch::given);
        return List.of(new PropertiesConfigSource(Map.of(DISABLED, Boolean.toString(!endpoint)),
                "crm-tracing-switch", ORDINAL));
    }

    @Override
    public java.util.OptionalInt getPriority() {
        return java.util.OptionalInt.of(ORDINAL);
    }

    /** Set by the operator: a value from a real source, not an extension's built-in default. */
    private static boolean given(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank()
                && value.getConfigSourceOrdinal() > Integer.MIN_VALUE + 1000
                && (value.getConfigSourceName() == null || !value.getConfigSourceName().startsWith("DefaultValues"));
    }
}
