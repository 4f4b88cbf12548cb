package io.bankcrm.platform.calls;

import io.bankcrm.platform.config.PlatformConfig;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;

/**
 * The bearer token this service sends as a system caller, from the source {@code crm.system-caller.token-source}
 * names: a token file (read again whenever it changes, so whatever issues tokens can rotate it), or OAuth2 client
 * credentials through quarkus-oidc-client's default client (its {@code quarkus.oidc-client.*} settings: the
 * authorization server, client id and secret; the token is kept until it expires and then fetched again). A token
 * that cannot be had makes the call {@link DependencyUnavailable}: the job waits as if the other service were down.
 */
@ApplicationScoped
public class ServiceToken {

    private final PlatformConfig.SystemCaller config;
    private final Instance<OidcClients> oidcClients;
    private volatile String fileToken;
    private volatile FileTime fileRead;
    private volatile Tokens tokens;

    public ServiceToken(PlatformConfig config, Instance<OidcClients> oidcClients) {
        this.config = config.systemCaller();
        this.oidcClients = oidcClients;
    }

    /**
     * The current token, without "Bearer ".
     *
     * @param dependency who it is for, named in the failure
     */
    public String current(String dependency) {
        return switch (config.tokenSource()) {
            case FILE -> fromFile(dependency);
            case CLIENT_CREDENTIALS -> fromClientCredentials(dependency, oidcClients.get().getClient());
        };
    }

    private String fromFile(String dependency) {
        String name = config.tokenFile().orElseThrow(() -> new DependencyUnavailable(dependency,
                "no service token: crm.system-caller.token-file is not set", null, null));
        Path file = Path.of(name);
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (fileToken == null || !modified.equals(fileRead)) {
                fileToken = Files.readString(file, StandardCharsets.UTF_8).trim();
                fileRead = modified;
            }
            return fileToken;
        } catch (IOException e) {
            throw new DependencyUnavailable(dependency, "the service token file " + file.toAbsolutePath()
                    + " cannot be read (" + e + ")", null, e);
        }
    }

    /** Client credentials: the cached access token, or a new one once it has expired (or is about to). */
    String fromClientCredentials(String dependency, OidcClient client) {
        Tokens held = tokens;
        if (held == null || held.isAccessTokenExpired() || held.isAccessTokenWithinRefreshInterval()) {
            synchronized (this) {
                held = tokens;
                if (held == null || held.isAccessTokenExpired() || held.isAccessTokenWithinRefreshInterval()) {
                    try {
                        held = client.getTokens().await().atMost(config.timeout());
                    } catch (RuntimeException e) {
                        throw new DependencyUnavailable(dependency, "no service token from the authorization server ("
                                + e.getMessage() + ")", Duration.ofSeconds(1), e);
                    }
                    tokens = held;
                }
            }
        }
        return held.getAccessToken();
    }
}
