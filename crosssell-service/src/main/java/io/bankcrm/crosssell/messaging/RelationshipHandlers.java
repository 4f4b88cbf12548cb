package io.bankcrm.crosssell.messaging;

import io.bankcrm.crosssell.service.LeadReactions;
import io.bankcrm.events.EventType;
import io.bankcrm.events.customer.CustomerEvents;
import io.bankcrm.events.customer.RelationshipEnded;
import io.bankcrm.events.customer.RelationshipLinked;
import io.bankcrm.platform.inbox.EventHandler;
import io.bankcrm.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** Links of people to corporates bring leads; an employee's link ending is a leaver. */
public final class RelationshipHandlers {

    private RelationshipHandlers() {
    }

    @ApplicationScoped
    public static class Linked implements EventHandler<RelationshipLinked> {
        private final LeadReactions reactions;

        public Linked(LeadReactions reactions) {
            this.reactions = reactions;
        }

        @Override
        public EventType<RelationshipLinked> eventType() {
            return CustomerEvents.RELATIONSHIP_LINKED;
        }

        @Override
        public void handle(IncomingEvent<RelationshipLinked> event) {
            RelationshipLinked e = event.data();
            reactions.linked(e.relationshipId(), e.customerId(), e.relatedCustomerId(), e.type(), e.office(),
                    e.validFrom());
        }
    }

    @ApplicationScoped
    public static class Ended implements EventHandler<RelationshipEnded> {
        private final LeadReactions reactions;

        public Ended(LeadReactions reactions) {
            this.reactions = reactions;
        }

        @Override
        public EventType<RelationshipEnded> eventType() {
            return CustomerEvents.RELATIONSHIP_ENDED;
        }

        @Override
        public void handle(IncomingEvent<RelationshipEnded> event) {
            reactions.ended(event.data().relationshipId(), event.data().validTo());
        }
    }
}
