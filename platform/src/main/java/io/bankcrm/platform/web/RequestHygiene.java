package io.bankcrm.platform.web;

import io.bankcrm.platform.problem.Problem;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.validation.Text;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses, before any resource sees them, requests no resource could serve honestly: a path or query that does
 * not decode or holds a NUL character (PostgreSQL refuses it), an {@code Idempotency-Key} that is present but
 * empty (silently treating it as absent would lose the protection the client asked for), and a body without a
 * {@code Content-Type} (it would be read as JSON by guesswork).
 */
public class RequestHygiene {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        ProblemException problem = problemOf(request);
        if (problem == null) {
            return Optional.empty();
        }
        return Optional.of(Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(problem.toProblem().withInstance(instance(request))).build());
    }

    private static ProblemException problemOf(ContainerRequestContext request) {
        String path;
        MultivaluedMap<String, String> query;
        try {
            path = request.getUriInfo().getPath();
            query = request.getUriInfo().getQueryParameters();
        } catch (RuntimeException e) {
            return ProblemException.badRequest("the URL is not validly percent-encoded");
        }
        if (Text.problemOf(path) != null) {
            return ProblemException.badRequest("the path must not contain the NUL character");
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (Text.problemOf(parameter.getKey()) != null) {
                return ProblemException.badRequest("a query parameter name must not contain the NUL character");
            }
            for (String value : parameter.getValue()) {
                String problem = Text.problemOf(value);
                if (problem != null) {
                    return ProblemException.invalidField(parameter.getKey(), problem);
                }
            }
        }
        List<String> keys = request.getHeaders().get(IdempotentRequests.HEADER);
        if (keys != null && keys.stream().anyMatch(k -> k == null || k.isBlank())) {
            return ProblemException.invalidField(IdempotentRequests.HEADER,
                    "must be 1 to 200 visible ASCII characters; leave the header out to send without one");
        }
        if (keys != null && keys.size() > 1) {
            return ProblemException.invalidField(IdempotentRequests.HEADER, "must be sent once");
        }
        if (WITH_BODY.contains(request.getMethod()) && request.getHeaderString("Content-Type") == null && hasBody(request)) {
            return new ProblemException("unsupported-media-type", "Unsupported media type", 415,
                    "a request body needs a Content-Type header, e.g. application/json", null, null);
        }
        return null;
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        return (length != null && !length.trim().equals("0")) || request.getHeaderString("Transfer-Encoding") != null;
    }

    private static java.net.URI instance(ContainerRequestContext request) {
        try {
            return Problem.instanceOf(request.getUriInfo().getPath());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
