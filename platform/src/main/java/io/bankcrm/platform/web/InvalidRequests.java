package io.bankcrm.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.platform.problem.Problem;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.lang.reflect.Field;

/**
 * Problem details for the requests the HTTP codec itself refuses, before any route runs: a request line or URI
 * it cannot parse (raw {@code {}, {@code |}, a space), a control character in a header, a request line or header
 * block over Vert.x's own limits. Vert.x answers those from {@code HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER}
 * with an empty body, and Quarkus 3.33 offers no way to give its server another handler (quarkus issue 55082). So
 * that default is replaced, once, while Quarkus prepares the server's options (before it creates the server), by one answering the same status with an {@code application/problem+json} body. Should a
 * future Vert.x make this impossible, the service still starts and logs a warning; the status codes are the same
 * either way. A URL that is not a URI is let through to the router for the same reason (see
 * {@link #letUnparsableUrisReachTheRouter}).
 */
@ApplicationScoped
public class InvalidRequests implements HttpServerOptionsCustomizer {

    private static final Logger LOG = Logger.getLogger(InvalidRequests.class);
    private static volatile boolean installed;

    private final ObjectMapper json;

    public InvalidRequests(ObjectMapper json) {
        this.json = json;
    }

    /** Called as Quarkus prepares the HTTP server, before it creates and opens it. */
    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        install();
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        install();
    }

    private synchronized void install() {
        if (installed) {
            return;
        }
        try {
            replaceDefault(handler(json));
            letUnparsableUrisReachTheRouter();
            installed = true;
            LOG.debug("requests the HTTP codec refuses are answered with problem details");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("requests the HTTP codec refuses keep Vert.x's empty answers: %s", e.toString());
        }
    }

    /** True once the problem-details handler is in place. */
    public static boolean installed() {
        return installed;
    }

    static Handler<HttpServerRequest> handler(ObjectMapper json) {
        return request -> {
            Throwable cause = request.decoderResult().cause();
            int status;
            String slug;
            String title;
            String detail;
            if (cause instanceof TooLongHttpLineException) {
                status = 414;
                slug = "uri-too-long";
                title = "URI too long";
                detail = "the request line is too long; send search criteria in a POST body";
            } else if (cause instanceof TooLongHttpHeaderException) {
                status = 431;
                slug = "request-header-fields-too-large";
                title = "Request header fields too large";
                detail = "the request headers are too large";
            } else {
                status = 400;
                slug = "malformed-request";
                title = "Malformed HTTP request";
                detail = "the request is not valid HTTP/1.1: the URL must be percent-encoded, and header values must "
                        + "not contain control characters";
            }
            HttpServerResponse response = request.response();
            byte[] body;
            try {
                body = json.writeValueAsBytes(new Problem(slug, title, status, detail, null, null));
            } catch (JsonProcessingException e) {
                body = new byte[0];
            }
            response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(Buffer.buffer(body));
            response.close();
        };
    }

    /**
     * Quarkus's root handler answers a URL that is not a URI (a raw brace, bar, quote) with an empty 400 before any
     * route runs, unless its {@code vertx.disableURIValidation} switch is on. The switch is turned on for the
     * handler the server uses; {@link ServerLimits}, the first route, then refuses such URLs with problem details.
     */
    private static void letUnparsableUrisReachTheRouter() throws ReflectiveOperationException {
        Class<?> recorder = Class.forName("io.quarkus.vertx.http.runtime.VertxHttpRecorder");
        Field root = recorder.getDeclaredField("ACTUAL_ROOT");
        root.setAccessible(true);
        Object handler = root.get(null);
        Field disabled = handler.getClass().getDeclaredField("DISABLE_URI_VALIDATION");
        disabled.setAccessible(true);
        disabled.setBoolean(handler, true);
    }

    @SuppressWarnings("removal")
    private static void replaceDefault(Handler<HttpServerRequest> handler) throws ReflectiveOperationException {
        // Initialise the interface first: writing its field before its initialiser runs would be undone by it.
        Handler<HttpServerRequest> original = HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER;
        Field field = HttpServerRequest.class.getField("DEFAULT_INVALID_REQUEST_HANDLER");
        Field theUnsafe = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        theUnsafe.setAccessible(true);
        sun.misc.Unsafe unsafe = (sun.misc.Unsafe) theUnsafe.get(null);
        Object base = unsafe.staticFieldBase(field);
        long offset = unsafe.staticFieldOffset(field);
        unsafe.putObjectVolatile(base, offset, handler);
        if (original == handler || HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER != handler) {
            throw new IllegalStateException("the default invalid-request handler did not change");
        }
    }
}
