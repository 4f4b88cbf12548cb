package io.bankcrm.platform.observability;

import io.quarkus.security.spi.runtime.AuthenticationSuccessEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * What every log line of a request says about it, in the MDC (the JSON log's {@code mdc} object): {@code requestId}
 * (set by {@code RequestIds}), {@code principal} (the token's user name, once authenticated; never a claim that could
 * carry personal data), and {@code traceId}/{@code spanId} (Quarkus' OpenTelemetry for requests; the inbox for
 * consumed events, {@link #trace}). Within a request the MDC lives on the request's Vert.x context, so it ends
 * with the request.
 */
@ApplicationScoped
public class LogContext {

    public static final String REQUEST_ID = "requestId";
    public static final String PRINCIPAL = "principal";
    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";

    void authenticated(@Observes AuthenticationSuccessEvent event) {
        var identity = event.getSecurityIdentity();
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() != null) {
            MDC.put(PRINCIPAL, identity.getPrincipal().getName());
        }
    }

    /** Puts a span's ids in the MDC of the current thread (a consumer's), or removes them for an invalid span. */
    public static void trace(io.opentelemetry.api.trace.Span span) {
        var context = span.getSpanContext();
        if (context.isValid()) {
            MDC.put(TRACE_ID, context.getTraceId());
            MDC.put(SPAN_ID, context.getSpanId());
        } else {
            clearTrace();
        }
    }

    public static void clearTrace() {
        MDC.remove(TRACE_ID);
        MDC.remove(SPAN_ID);
    }
}
