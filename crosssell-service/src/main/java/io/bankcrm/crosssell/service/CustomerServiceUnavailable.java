package io.bankcrm.crosssell.service;

/** customer-service did not answer, answered 5xx or 429: worth retrying later, not the row's fault. */
public class CustomerServiceUnavailable extends RuntimeException {

    public CustomerServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code e} (or a cause) means customer-service is unavailable, an open circuit included. */
    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CustomerServiceUnavailable
                    || t instanceof org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException
                    || t instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
