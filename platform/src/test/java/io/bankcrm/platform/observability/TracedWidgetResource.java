package io.bankcrm.platform.observability;

import io.bankcrm.platform.inbox.Widgets;
import io.bankcrm.platform.outbox.Outbox;
import io.bankcrm.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;

import java.util.UUID;

/** A request that publishes an event, for the tracing tests: the trace starts here. */
@Path("/test/traced-widgets")
public class TracedWidgetResource {

    private static final Logger LOG = Logger.getLogger(TracedWidgetResource.class);

    private final Outbox outbox;

    public TracedWidgetResource(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Publishes {@code widget-made} for a new widget of the given name; answers the widget's id. */
    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.CRM_ADMIN)
    @Transactional
    public String make(String name) {
        UUID id = UUID.randomUUID();
        outbox.publish(Widgets.MADE, id, new Widgets.WidgetMade(id, name));
        LOG.infof("traced widget %s made", id);
        return id.toString();
    }
}
