package io.bankcrm.platform.inbox;

import io.bankcrm.events.EventType;
import io.bankcrm.platform.outbox.Outbox;
import io.bankcrm.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/** A test event on a topic of its own, and the handler that applies it (the outbox tests publish it too). */
public final class Widgets {

    public static final String TOPIC = "crm.platform-test.v1";
    public static final EventType<WidgetMade> MADE =
            new EventType<>(TOPIC, "crm.platform-test.widget-made", "widget", WidgetMade.class);
    /** A widget of this name makes the handler fail every time. */
    public static final String FAILS = "fails-to-apply";
    /** A widget whose name starts so makes the handler publish a widget-made of its own ("echo of " the name). */
    public static final String ECHOED = "echoed:";

    public record WidgetMade(UUID widgetId, String name) {
    }

    private Widgets() {
    }

    @ApplicationScoped
    public static class MadeHandler implements EventHandler<WidgetMade> {

        private final EntityManager em;
        private final Outbox outbox;

        public MadeHandler(EntityManager em, Outbox outbox) {
            this.em = em;
            this.outbox = outbox;
        }

        @Override
        public EventType<WidgetMade> eventType() {
            return MADE;
        }

        @Override
        public void handle(IncomingEvent<WidgetMade> event) {
            em.createNativeQuery("insert into test_event_effect (event_id, widget_id, name) values (?1, ?2, ?3)")
                    .setParameter(1, event.id()).setParameter(2, event.data().widgetId())
                    .setParameter(3, event.data().name()).executeUpdate();
            if (event.data().name().startsWith(ECHOED)) {
                org.jboss.logging.Logger.getLogger(MadeHandler.class).infof("echoing widget %s", event.data().widgetId());
                outbox.publish(MADE, event.data().widgetId(),
                        new WidgetMade(event.data().widgetId(), "echo of " + event.data().name()));
            }
            if (FAILS.equals(event.data().name())) {
                throw ProblemException.badRequest("widgets called " + FAILS + " cannot be applied");
            }
        }
    }
}
