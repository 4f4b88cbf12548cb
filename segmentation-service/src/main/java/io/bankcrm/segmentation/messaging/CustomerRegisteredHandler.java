package io.bankcrm.segmentation.messaging;

import io.bankcrm.events.EventType;
import io.bankcrm.events.customer.CustomerEvents;
import io.bankcrm.events.customer.CustomerRegistered;
import io.bankcrm.platform.inbox.EventHandler;
import io.bankcrm.platform.inbox.IncomingEvent;
import io.bankcrm.segmentation.service.Customers;
import jakarta.enterprise.context.ApplicationScoped;

/** Learns each customer's kind from customer-service, so runs know the segment without calling it. */
@ApplicationScoped
public class CustomerRegisteredHandler implements EventHandler<CustomerRegistered> {

    private final Customers customers;

    public CustomerRegisteredHandler(Customers customers) {
        this.customers = customers;
    }

    @Override
    public EventType<CustomerRegistered> eventType() {
        return CustomerEvents.REGISTERED;
    }

    @Override
    public void handle(IncomingEvent<CustomerRegistered> event) {
        CustomerRegistered data = event.data();
        customers.registered(data.customerId(), data.kind(), data.registeredAt());
    }
}
