package io.bankcrm.platform.web;

import io.bankcrm.platform.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * The HTTP body limit is large so that bulk files can be streamed to disk; a JSON body, which is read into
 * memory, gets a limit of its own (413 above it).
 */
public class JsonBodyLimit {

    private final long maxJsonBytes;

    public JsonBodyLimit(@ConfigProperty(name = "crm.http.max-json-body-bytes", defaultValue = "1048576") long maxJsonBytes) {
        this.maxJsonBytes = maxJsonBytes;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limit(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        boolean json = type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        if (json && request.getLength() > maxJsonBytes) {
            return Optional.of(Response.status(413).type(Problem.MEDIA_TYPE)
                    .entity(new Problem("payload-too-large", "Payload too large", 413,
                            "a JSON body may be at most " + maxJsonBytes + " bytes; send bulk data as an import file",
                            null, null).withInstance(Problem.instanceOf(request.getUriInfo().getPath())))
                    .build());
        }
        return Optional.empty();
    }
}
