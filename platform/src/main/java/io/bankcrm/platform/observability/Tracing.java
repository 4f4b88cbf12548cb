package io.bankcrm.platform.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * Traces across the asynchronous hop, in one place: the outbox keeps the W3C {@code traceparent} of the span that
 * wrote a row, the relay's send span continues it and travels as the Kafka header {@code traceparent}, and the
 * inbox's processing span continues that, so one trace follows a request to what the next service writes.
 * With tracing off ({@code quarkus.otel.sdk.disabled}, see {@link TracingSwitch}) nothing is recorded or stored.
 */
@ApplicationScoped
public class Tracing {

    /** The W3C trace context header, on Kafka records as on HTTP requests. */
    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final boolean enabled;
    private final Tracer tracer;

    public Tracing(OpenTelemetry openTelemetry,
                   @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "true") boolean disabled) {
        this.enabled = !disabled;
        this.tracer = openTelemetry.getTracer("io.bankcrm.platform");
    }

    public boolean enabled() {
        return enabled;
    }

    /** The current span as a {@code traceparent} value, or null when there is none (or tracing is off). */
    public String currentTraceparent() {
        return enabled ? traceparentOf(Span.current(), null) : null;
    }

    /** {@code span}'s {@code traceparent}, or {@code fallback} when the span records nothing. */
    public static String traceparentOf(Span span, String fallback) {
        SpanContext context = span.getSpanContext();
        if (!context.isValid()) {
            return fallback;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /**
     * The relay's span for sending one outbox row, a child of the span that wrote it ({@code storedTraceparent}).
     * A row written without a trace gets no span: a set-based publication outside a request would otherwise start
     * a trace per row.
     */
    public Span startSend(String topic, String eventId, String storedTraceparent) {
        if (!enabled || storedTraceparent == null) {
            return Span.getInvalid();
        }
        return messagingSpan(topic + " publish", SpanKind.PRODUCER, storedTraceparent, topic, eventId)
                .setAttribute("messaging.operation.type", "send").startSpan();
    }

    /** The inbox's span for processing one record, a child of the sender's span when the record carries one. */
    public Span startProcess(String topic, String eventId, String traceparent, String consumerGroup,
                             int partition, long offset) {
        if (!enabled) {
            return Span.getInvalid();
        }
        return messagingSpan(topic + " process", SpanKind.CONSUMER, traceparent, topic, eventId)
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.consumer.group.name", consumerGroup)
                .setAttribute("messaging.destination.partition.id", Integer.toString(partition))
                .setAttribute("messaging.kafka.offset", offset).startSpan();
    }

    /** A job's run, a child of the span it was submitted in ({@code storedTraceparent}) when there was one. */
    public Span startJob(String kind, String jobId, String storedTraceparent) {
        if (!enabled) {
            return Span.getInvalid();
        }
        SpanBuilder builder = tracer.spanBuilder(kind + " job").setSpanKind(SpanKind.INTERNAL)
                .setAttribute("crm.job.kind", kind).setAttribute("crm.job.id", jobId);
        Context parent = parent(storedTraceparent);
        return (Span.fromContext(parent).getSpanContext().isValid() ? builder.setParent(parent) : builder.setNoParent())
                .startSpan();
    }

    /** Ends {@code span}, marked failed with {@code failure} unless that is null. */
    public static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.toString());
        }
        span.end();
    }

    private SpanBuilder messagingSpan(String name, SpanKind kind, String parent, String topic, String eventId) {
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic);
        if (eventId != null) {
            builder.setAttribute("messaging.message.id", eventId);
        }
        Context parentContext = parent(parent);
        if (Span.fromContext(parentContext).getSpanContext().isValid()) {
            builder.setParent(parentContext);
        } else {
            builder.setNoParent();
        }
        return builder;
    }

    private static Context parent(String traceparent) {
        return traceparent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP);
    }

}
