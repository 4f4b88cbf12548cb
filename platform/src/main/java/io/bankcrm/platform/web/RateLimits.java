package io.bankcrm.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.bankcrm.platform.config.PlatformConfig;
import io.bankcrm.platform.problem.Problem;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.Map;

/**
 * Requests per caller, limited with a Bucket4j token bucket per token subject (per client address for a request
 * without a valid token), sized by the caller's roles ({@code crm.rate-limit.*}). Every limited response carries
 * {@code RateLimit-Limit} and {@code RateLimit-Remaining}; past the limit the answer is 429 problem details with
 * {@code Retry-After}. It runs as an HTTP route before the REST layer, so unknown paths and refused tokens count
 * too; the management paths under {@code /q/} (health, metrics, OpenAPI) are never limited. The buckets live in
 * this instance's memory: with N replicas behind a balancer a caller gets up to N times the limit.
 */
@ApplicationScoped
public class RateLimits {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RETRY_AFTER = "Retry-After";

    private static final String MANAGEMENT = "/q/";

    private final PlatformConfig.RateLimit config;
    private final IdentityProviderManager identities;
    private final ObjectMapper json;
    private final Cache<String, Bucket> buckets;

    public RateLimits(PlatformConfig config, IdentityProviderManager identities, ObjectMapper json) {
        this.config = config.rateLimit();
        this.identities = identities;
        this.json = json;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(this.config.maxCallers())
                // an idle bucket is full again after one period: forgetting it then changes nothing
                .expireAfterAccess(this.config.period())
                .build();
    }

    void install(@Observes Router router) {
        if (config.enabled()) {
            // after authentication has put the (deferred) identity on the request, before the REST layer
            router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::limit);
        }
    }

    void limit(RoutingContext context) {
        String path = context.normalizedPath();
        if (path != null && path.startsWith(MANAGEMENT)) {
            context.next();
            return;
        }
        if (context.request().getHeader("Authorization") == null) {
            apply(context, null);
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(context, identities).subscribe().with(
                identity -> apply(context, identity),
                // a refused token counts against the client's address; the authentication layer answers it (401)
                failure -> apply(context, null));
    }

    private void apply(RoutingContext context, SecurityIdentity identity) {
        Client client = clientOf(context, identity);
        ConsumptionProbe probe = buckets.get(client.key(), k -> bucket(client.limit())).tryConsumeAndReturnRemaining(1);
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        context.response().putHeader(LIMIT, Long.toString(client.limit()))
                .putHeader(REMAINING, Long.toString(probe.getRemainingTokens()));
        if (probe.isConsumed()) {
            context.next();
            return;
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()
                + (probe.getNanosToWaitForRefill() % 1_000_000_000L == 0 ? 0 : 1));
        Problem problem = new Problem("too-many-requests", "Too many requests", 429,
                "at most " + client.limit() + " requests per " + period() + " are allowed for this caller; retry after "
                        + seconds + " s", null, Map.of("retryAfterSeconds", seconds))
                .withInstance(Problem.instanceOf(context.normalizedPath()));
        context.response().putHeader(RETRY_AFTER, Long.toString(seconds));
        ServerLimits.answer(context, json, problem, false);
    }

    private Client clientOf(RoutingContext context, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || identity.getPrincipal() == null) {
            SocketAddress address = context.request().remoteAddress();
            return new Client("address:" + (address == null ? "unknown" : address.hostAddress()), config.anonymous());
        }
        String subject = identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject() : identity.getPrincipal().getName();
        return new Client("subject:" + subject, limitOf(identity));
    }

    /** The largest limit among the caller's roles; {@code authenticated} when none of them has one. */
    long limitOf(SecurityIdentity identity) {
        return identity.getRoles().stream().map(config.roles()::get).filter(java.util.Objects::nonNull)
                .mapToLong(Long::longValue).max().orElse(config.authenticated());
    }

    private Bucket bucket(long limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, config.period()).build())
                .build();
    }

    private String period() {
        Duration period = config.period();
        return period.equals(Duration.ofMinutes(1)) ? "minute" : period.toString();
    }

    /** One bucket per caller and limit: a caller whose token changes roles starts a bucket of the new size. */
    private record Client(String name, long limit) {
        String key() {
            return name + "|" + limit;
        }
    }
}
