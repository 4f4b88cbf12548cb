package io.bankcrm.platform.inbox;

import io.bankcrm.events.EventType;
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

    public record WidgetMade(UUID widgetId, String name) {
    }

    private Widgets() {
    }

    @ApplicationScoped
    public static class MadeHandler implements EventHandler<WidgetMade> {

        private final EntityManager em;

        public MadeHandler(EntityManager em) {
            this.em = em;
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
            if (FAILS.equals(event.data().name())) {
                throw ProblemException.badRequest("widgets called " + FAILS + " cannot be applied");
            }
        }
    }
}
