package io.bankcrm.platform.web;

import io.bankcrm.platform.jobs.Gates;
import io.bankcrm.platform.security.Caller;
import io.bankcrm.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;

/** A creating endpoint for the tests of {@link IdempotentRequests}; a name may wait at its {@link Gates gate}. */
@Path("/test/widgets")
public class WidgetResource {

    public record WidgetRequest(String name) {
    }

    public record Widget(UUID id, String name, String createdBy) {
    }

    private final IdempotentRequests idempotent;
    private final EntityManager em;
    private final Caller caller;

    public WidgetResource(IdempotentRequests idempotent, EntityManager em, Caller caller) {
        this.idempotent = idempotent;
        this.em = em;
        this.caller = caller;
    }

    /** How many widgets exist: a read for the tests of {@link RateLimits}. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CRM_ADMIN, Roles.INTEGRATION, Roles.RELATIONSHIP_MANAGER})
    public long count() {
        return ((Number) em.createNativeQuery("select count(*) from test_widget").getSingleResult()).longValue();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CRM_ADMIN)
    public Response create(WidgetRequest request, @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotent.execute("POST /test/widgets", key, request, () -> {
            UUID id = UUID.randomUUID();
            em.createNativeQuery("insert into test_widget (id, name, created_by) values (?1, ?2, ?3)")
                    .setParameter(1, id).setParameter(2, request.name()).setParameter(3, caller.name())
                    .executeUpdate();
            try {
                Gates.pass(request.name());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return Response.created(URI.create("/test/widgets/" + id)).entity(new Widget(id, request.name(),
                    caller.name())).build();
        });
    }
}
