package io.bankcrm.platform.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start without a key to verify bearer tokens. Without one SmallRye JWT would start, report ready
 * and answer 401 to everyone; a service that cannot authenticate anybody should not look healthy.
 */
@ApplicationScoped
public class VerificationKeyCheck {

    void check(@Observes StartupEvent event, Config config) {
        boolean location = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class)
                .filter(v -> !v.isBlank()).isPresent();
        boolean inline = config.getOptionalValue("mp.jwt.verify.publickey", String.class)
                .filter(v -> !v.isBlank()).isPresent();
        if (!location && !inline) {
            throw new IllegalStateException("no JWT verification key is configured: set "
                    + "MP_JWT_VERIFY_PUBLICKEY_LOCATION (a PEM file or JWKS URL) or MP_JWT_VERIFY_PUBLICKEY");
        }
    }
}
