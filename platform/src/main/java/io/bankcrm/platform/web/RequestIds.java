package io.bankcrm.platform.web;

import io.bankcrm.platform.observability.LogContext;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One id per request, to find a request again across logs and the PII access trail: the caller's
 * {@code X-Request-Id} when it is a plain token (letters, digits, {@code .-_:}, at most 64), else a new UUID;
 * echoed on the response, and in the MDC of the request's log lines ({@link LogContext}).
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "crm.request-id";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 1).handler(this::assign);
    }

    void assign(RoutingContext context) {
        String given = context.request().getHeader(HEADER);
        String id = given != null && PLAIN.matcher(given).matches() ? given : UUID.randomUUID().toString();
        context.put(KEY, id);
        context.response().putHeader(HEADER, id);
        MDC.put(LogContext.REQUEST_ID, id);
        context.addEndHandler(done -> MDC.remove(LogContext.REQUEST_ID));
        context.next();
    }

    /** The current HTTP request's id; empty outside a request (jobs, consumers). */
    public Optional<String> current() {
        RoutingContext context = currentContext();
        return context == null ? Optional.empty() : Optional.ofNullable(context.get(KEY));
    }

    /** The current request's method and path, e.g. {@code GET /v1/customers/8f0c…}; empty outside a request. */
    public Optional<String> operation() {
        RoutingContext context = currentContext();
        return context == null ? Optional.empty()
                : Optional.of(context.request().method().name() + " " + context.normalizedPath());
    }

    private static RoutingContext currentContext() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        CurrentVertxRequest request = Arc.container().instance(CurrentVertxRequest.class).get();
        return request == null ? null : request.getCurrent();
    }
}
