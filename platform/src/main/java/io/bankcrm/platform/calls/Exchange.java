package io.bankcrm.platform.calls;

/** One call to another service, e.g. a method of a generated client; {@code E} is what it throws (ApiException). */
@FunctionalInterface
public interface Exchange<T, E extends Exception> {
    T run() throws E;
}
