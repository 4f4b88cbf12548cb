package io.bankcrm.platform.calls;

import io.bankcrm.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A request of this service that calls another one as a system caller, for the tests of {@link SystemCalls}. */
@Path("/test/peer")
public class PeerResource {

    private final SystemCalls calls;

    public PeerResource(SystemCalls calls) {
        this.calls = calls;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.INTEGRATION)
    public String ask(@QueryParam("name") String name, @QueryParam("url") String url) throws Exception {
        Dependency peer = calls.dependency(name, url);
        return peer.call(() -> send(peer, "/v1/things"));
    }

    /** One exchange as a generated client makes it: the request interceptor, the response interceptor. */
    static String send(Dependency peer, String path) throws IOException, InterruptedException, PeerRefused {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(peer.baseUri() + path)).GET();
        peer.prepare(request);
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        peer.inspect(response);
        if (response.statusCode() / 100 != 2) {
            throw new PeerRefused(response.statusCode());
        }
        return response.body();
    }

    /** A refusal the caller must see as it is (a checked exception, like a generated client's ApiException). */
    static final class PeerRefused extends Exception {
        final int status;

        PeerRefused(int status) {
            super("answered " + status);
            this.status = status;
        }
    }
}
