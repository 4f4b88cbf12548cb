package io.bankcrm.customer.api;

import io.bankcrm.platform.pii.PiiAccessRecord;
import io.bankcrm.platform.pii.PiiAccessTrail;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The PII access trail: who was shown which customer's identifiers unmasked, for crm-admin to audit. */
@Path("/v1/pii-access")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "PII access trail")
public class PiiAccessResource {

    private final PiiAccessTrail trail;

    public PiiAccessResource(PiiAccessTrail trail) {
        this.trail = trail;
    }

    @GET
    @RolesAllowed(Roles.CRM_ADMIN)
    @Operation(operationId = "listPiiAccess", summary = "Unmasked reads of personal identifiers, newest first",
            description = "By customer (customerId), by user (user), or both; at least one is required.")
    public Page<PiiAccessRecord> list(@QueryParam("customerId") UUID customerId,
                                      @QueryParam("user") @Size(max = 200) String user,
                                      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return trail.list(customerId, user, limit, cursor);
    }
}
