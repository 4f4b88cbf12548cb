package io.bankcrm.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.bankcrm.platform.pii.PiiProtector;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.security.Caller;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for creating POSTs. The key is claimed in the same transaction as the creation, so a
 * retry after a lost response replays the first answer, a concurrent retry waits for the first to commit, and
 * a key reused with another body is refused (422). Keys are scoped to the calling principal, the stored answer
 * is encrypted, and both are kept for a day.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final ObjectMapper canonical;
    private final ObjectMapper responseMapper;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    PiiProtector pii;

    @Inject
    public IdempotentRequests(ObjectMapper mapper) {
        this.responseMapper = mapper;
        ObjectMapper copy = mapper.copy();
        copy.setConfig(copy.getSerializationConfig()
                .with(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS));
        this.canonical = copy;
    }

    /**
     * Runs {@code action} once per (scope, key); without a key it simply runs it.
     *
     * @param scope what is being created, e.g. {@code POST /v1/customers}
     * @param request the parsed request body, whose canonical JSON identifies "the same request"
     */
    @Transactional
    public Response execute(String scope, String key, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalidField(HEADER, "must be 1 to 200 visible ASCII characters");
        }
        // A key belongs to its caller: another caller's key neither collides nor replays someone else's answer.
        scope = scope + " by " + caller.name();
        String hash = hash(request);
        int claimed = em.createNativeQuery("""
                        insert into idempotency_key (scope, idem_key, request_hash, created_at)
                        values (?1, ?2, ?3, now()) on conflict do nothing""")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash)
                .executeUpdate();
        if (claimed == 0) {
            return replay(scope, key, hash);
        }
        Response response = action.get();
        em.createNativeQuery("""
                        update idempotency_key set status = ?3, body = ?4, location = ?5, etag = ?6
                        where scope = ?1 and idem_key = ?2""")
                .setParameter(1, scope).setParameter(2, key)
                .setParameter(3, response.getStatus())
                .setParameter(4, body(response))
                .setParameter(5, header(response, HttpHeaders.LOCATION))
                .setParameter(6, header(response, HttpHeaders.ETAG))
                .executeUpdate();
        return response;
    }

    private Response replay(String scope, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select request_hash, status, body, location, etag from idempotency_key
                        where scope = ?1 and idem_key = ?2""")
                .setParameter(1, scope).setParameter(2, key).getResultList();
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw ProblemException.unprocessable("idempotency-key-reused",
                    "Idempotency-Key " + key + " was already used with a different request body");
        }
        Response.ResponseBuilder builder = Response.status(((Number) row[1]).intValue())
                .header("Idempotency-Replayed", "true");
        if (row[2] != null) {
            builder.entity(pii.decrypt((String) row[2])).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (row[3] != null) {
            builder.header(HttpHeaders.LOCATION, row[3]);
        }
        if (row[4] != null) {
            builder.header(HttpHeaders.ETAG, row[4]);
        }
        return builder.build();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOldKeys() {
        em.createNativeQuery("delete from idempotency_key where created_at < now() - interval '24 hours'")
                .executeUpdate();
    }

    private String hash(Object request) {
        try {
            byte[] json = canonical.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint request", e);
        }
    }

    private String body(Response response) {
        Object entity = response.getEntity();
        if (entity == null) {
            return null;
        }
        try {
            // the answer may hold personal data: it is kept encrypted like any other
            return pii.encrypt(entity instanceof String s ? s : responseMapper.writeValueAsString(entity));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store response for replay", e);
        }
    }

    private static String header(Response response, String name) {
        Object value = response.getHeaders().getFirst(name);
        return value == null ? null : value.toString();
    }
}
