package io.bankcrm.platform.security;

import io.bankcrm.platform.config.PlatformConfig;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;

/**
 * The {@link Caller} bean: the authenticated user of the current HTTP request, or, where no request is active
 * (jobs, consumers, scheduled tasks), the system caller named after the service ({@code crm.service-name}).
 * The one place that reads {@link SecurityIdentity}.
 */
@ApplicationScoped
public class CurrentCaller implements Caller {

    static final String ANONYMOUS = "anonymous";

    private final SecurityIdentity identity;
    private final Caller service;

    public CurrentCaller(SecurityIdentity identity, PlatformConfig config) {
        this.identity = identity;
        this.service = Caller.system(config.serviceName());
    }

    private SecurityIdentity user() {
        return Arc.container().requestContext().isActive() ? identity : null;
    }

    @Override
    public String name() {
        SecurityIdentity user = user();
        if (user == null) {
            return service.name();
        }
        return user.isAnonymous() || user.getPrincipal() == null ? ANONYMOUS : user.getPrincipal().getName();
    }

    @Override
    public Set<String> roles() {
        SecurityIdentity user = user();
        return user == null ? service.roles() : Set.copyOf(user.getRoles());
    }

    @Override
    public boolean hasRole(String role) {
        SecurityIdentity user = user();
        return user != null && !user.isAnonymous() && user.hasRole(role);
    }

    @Override
    public Optional<String> claim(String name) {
        SecurityIdentity user = user();
        if (user == null || user.isAnonymous() || !(user.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        return text(token.getClaim(name));
    }

    /** A claim value as text, whether the JWT library gave a JSON value or a Java one; empty when blank. */
    static Optional<String> text(Object value) {
        if (value instanceof JsonString s) {
            value = s.getString();
        } else if (value instanceof JsonNumber n) {
            value = n.toString();
        }
        return value == null ? Optional.empty() : Optional.of(value.toString()).filter(s -> !s.isBlank());
    }

    @Override
    public boolean system() {
        return user() == null;
    }

    @Override
    public boolean anonymous() {
        SecurityIdentity user = user();
        return user != null && user.isAnonymous();
    }
}
