package io.bankcrm.crosssell.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.crosssell.config.CrosssellConfig;
import io.bankcrm.platform.domain.Violation;
import io.bankcrm.platform.observability.Tracing;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * customer-service's REST API over HTTP, as a system caller: the bearer token from
 * {@code crosssell.customer-service.token-file}, an Idempotency-Key on each call, a timeout, retries with
 * exponential backoff and jitter on connection errors, timeouts, 5xx and 429, and a circuit breaker that stops
 * calling for a while once most recent calls failed.
 */
@ApplicationScoped
public class CustomerServiceClient implements CustomerDirectory {

    private final CrosssellConfig.CustomerService config;
    private final ObjectMapper mapper;
    private final HttpClient http;

    @Inject
    Tracing tracing;
    private volatile String token;
    private volatile FileTime tokenRead;

    public CustomerServiceClient(CrosssellConfig config, ObjectMapper mapper) {
        this.config = config.customerService();
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
    }

    @Override
    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = CustomerServiceUnavailable.class)
    @ExponentialBackoff(maxDelay = 2000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5000, successThreshold = 1,
            failOn = CustomerServiceUnavailable.class)
    public Registration register(Person person, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "INDIVIDUAL");
        body.put("fullName", person.fullName());
        body.put("idNumber", person.idNumber());
        if (person.mobile() != null) {
            body.put("mobile", person.mobile());
        }
        body.put("homeBranch", person.homeBranch());
        body.put("occupation", person.occupation());
        body.put("sourceChannel", "PAYROLL_ROSTER");
        HttpResponse<String> response = post("/v1/customers", body, idempotencyKey);
        JsonNode json = json(response);
        return switch (response.statusCode()) {
            case 200, 201 -> new Registration.Registered(UUID.fromString(json.path("id").asText()), false);
            case 409 -> {
                if (!json.hasNonNull("existingCustomerId")) {
                    throw unexpected("POST /v1/customers", response);
                }
                yield new Registration.Registered(UUID.fromString(json.get("existingCustomerId").asText()), true);
            }
            case 400, 422 -> new Registration.Refused(violations(json));
            default -> throw unexpected("POST /v1/customers", response);
        };
    }

    @Override
    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = CustomerServiceUnavailable.class)
    @ExponentialBackoff(maxDelay = 2000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5000, successThreshold = 1,
            failOn = CustomerServiceUnavailable.class)
    public UUID link(UUID customerId, UUID employerId, String type, String office, LocalDate validFrom,
                     String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("relatedCustomerId", employerId.toString());
        body.put("type", type);
        if (office != null) {
            body.put("office", office);
        }
        body.put("validFrom", validFrom.toString());
        String path = "/v1/customers/" + customerId + "/relationships";
        HttpResponse<String> response = post(path, body, idempotencyKey);
        JsonNode json = json(response);
        if (response.statusCode() == 201 || response.statusCode() == 200) {
            return UUID.fromString(json.path("id").asText());
        }
        if (response.statusCode() == 409 && json.hasNonNull("existingRelationshipId")) {
            return UUID.fromString(json.get("existingRelationshipId").asText());
        }
        throw unexpected("POST " + path, response);
    }

    @Override
    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = CustomerServiceUnavailable.class)
    @ExponentialBackoff(maxDelay = 2000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5000, successThreshold = 1,
            failOn = CustomerServiceUnavailable.class)
    public void end(UUID customerId, UUID relationshipId, LocalDate validTo, String reason, String idempotencyKey) {
        String path = "/v1/customers/" + customerId + "/relationships/" + relationshipId + "/end";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("validTo", validTo.toString());
        body.put("reason", reason);
        HttpResponse<String> response = post(path, body, idempotencyKey);
        int status = response.statusCode();
        // 409: ended already (by an earlier attempt whose answer was lost, or by someone else)
        if (status != 200 && status != 409) {
            throw unexpected("POST " + path, response);
        }
    }

    private HttpResponse<String> post(String path, Object body, String idempotencyKey) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.url() + path))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token())
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body), StandardCharsets.UTF_8));
            String traceparent = tracing.currentTraceparent(); // the roster job's trace goes on in customer-service
            if (traceparent != null) {
                builder.header(Tracing.TRACEPARENT, traceparent);
            }
            HttpRequest request = builder.build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() >= 500 || response.statusCode() == 429) {
                throw new CustomerServiceUnavailable("customer-service answered " + response.statusCode() + " to POST "
                        + path, null);
            }
            return response;
        } catch (IOException e) {
            throw new CustomerServiceUnavailable("customer-service is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CustomerServiceUnavailable("interrupted while calling customer-service", e);
        }
    }

    private String token() throws IOException {
        Path file = Path.of(config.tokenFile());
        FileTime modified = Files.getLastModifiedTime(file);
        if (token == null || !modified.equals(tokenRead)) {
            token = Files.readString(file, StandardCharsets.UTF_8).trim();
            tokenRead = modified;
        }
        return token;
    }

    private JsonNode json(HttpResponse<String> response) {
        try {
            return response.body() == null || response.body().isBlank() ? mapper.createObjectNode()
                    : mapper.readTree(response.body());
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }

    private static List<Violation> violations(JsonNode problem) {
        List<Violation> found = new ArrayList<>();
        for (JsonNode e : problem.path("errors")) {
            found.add(new Violation(e.path("field").asText("row"), e.path("message").asText("refused")));
        }
        if (found.isEmpty()) {
            found.add(new Violation("row", problem.path("detail").asText("refused by customer-service")));
        }
        return found;
    }

    /** An answer that no retry changes (401, 403, an unexpected 4xx): the job fails with an incident. */
    private static IllegalStateException unexpected(String call, HttpResponse<String> response) {
        return new IllegalStateException("customer-service answered " + response.statusCode() + " to " + call);
    }
}
