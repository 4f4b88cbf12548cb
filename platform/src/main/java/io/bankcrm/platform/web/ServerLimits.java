package io.bankcrm.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.platform.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * The URL and header limits, answered as problem details; and a URL that is not a URI at all (a raw space, brace,
 * bar or quote), which the REST layer would refuse with an empty 400. Vert.x refuses an over-long request line (414) or
 * header block (431) itself, with an empty body and before any handler can speak; so its own limits are set
 * far above these ({@code quarkus.http.limits.*} in the platform defaults) and the requests are refused here,
 * first of all routes, with an {@code application/problem+json} body like every other error.
 */
@ApplicationScoped
public class ServerLimits {

    private final int maxUrlLength;
    private final int maxHeaderBytes;
    private final ObjectMapper json;

    public ServerLimits(@ConfigProperty(name = "crm.http.max-url-length", defaultValue = "8192") int maxUrlLength,
                        @ConfigProperty(name = "crm.http.max-header-bytes", defaultValue = "16384") int maxHeaderBytes,
                        ObjectMapper json) {
        this.maxUrlLength = maxUrlLength;
        this.maxHeaderBytes = maxHeaderBytes;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > maxUrlLength) {
            refuse(context, 414, "uri-too-long", "URI too long",
                    "the URL may be at most " + maxUrlLength + " characters; send search criteria in a POST body");
            return;
        }
        if (!parsesAsUri(request.uri())) {
            refuse(context, 400, "malformed-request", "Malformed HTTP request",
                    "the URL must be percent-encoded: a space, braces, a vertical bar or a quote cannot appear in it as they are");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > maxHeaderBytes) {
            refuse(context, 431, "request-header-fields-too-large", "Request header fields too large",
                    "the request headers may be at most " + maxHeaderBytes + " bytes together");
            return;
        }
        context.next();
    }

    static boolean parsesAsUri(String uri) {
        try {
            new java.net.URI(uri);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private void refuse(RoutingContext context, int status, String slug, String title, String detail) {
        answer(context, json, new Problem(slug, title, status, detail, null, null), true);
    }

    /** Ends the exchange with problem details, before any REST resource: for the limits checked as HTTP routes. */
    static void answer(RoutingContext context, ObjectMapper json, Problem problem, boolean close) {
        try {
            byte[] body = json.writeValueAsBytes(problem);
            context.response().setStatusCode(problem.getStatus()).putHeader("Content-Type", Problem.MEDIA_TYPE);
            if (close) {
                context.response().putHeader("Connection", "close");
            }
            context.response().end(io.vertx.core.buffer.Buffer.buffer(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            context.fail(e);
        }
    }
}
