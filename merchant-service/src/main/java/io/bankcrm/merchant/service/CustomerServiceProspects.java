package io.bankcrm.merchant.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.clients.customer.ApiClient;
import io.bankcrm.clients.customer.ApiException;
import io.bankcrm.clients.customer.api.CustomersApi;
import io.bankcrm.clients.customer.model.CustomerKind;
import io.bankcrm.clients.customer.model.CustomerProfile;
import io.bankcrm.clients.customer.model.CustomerStatus;
import io.bankcrm.merchant.config.MerchantConfig;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.Violation;
import io.bankcrm.platform.observability.Tracing;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * customer-service's {@code POST /v1/customers} through the client generated from its OpenAPI document
 * ({@code clients/customer-client}), as a system caller: the bearer token from {@code merchant.customer-service.token-file}
 * (re-read when it changes), the current {@code traceparent}, a timeout, retries with exponential backoff on 5xx, 429
 * and connection failures, and a circuit breaker. The applicant is registered as an INDIVIDUAL PROSPECT from the
 * channel {@value #CHANNEL}, with {@code Idempotency-Key: referral-<referral id>}. A 409 names the customer
 * registered for the same person before, which the referral links; a 400 is the applicant's data refused, field by
 * field; customer-service unavailable is {@link ProspectRegistry.Unavailable}.
 */
@ApplicationScoped
public class CustomerServiceProspects implements ProspectRegistry {

    static final String CHANNEL = "MERCHANT_REFERRAL";

    private final MerchantConfig.CustomerService config;
    private final Tracing tracing;
    private final CustomersApi customers;
    private final ObjectMapper json = new ObjectMapper();
    private volatile String token;
    private volatile FileTime tokenRead;

    public CustomerServiceProspects(MerchantConfig config, Tracing tracing) {
        this.config = config.customerService();
        this.tracing = tracing;
        ApiClient client = new ApiClient();
        client.updateBaseUri(this.config.url());
        client.setReadTimeout(this.config.timeout());
        client.setConnectTimeout(this.config.timeout());
        client.setRequestInterceptor(request -> {
            request.setHeader("Authorization", "Bearer " + token());
            String traceparent = tracing.currentTraceparent();
            if (traceparent != null) {
                request.setHeader(Tracing.TRACEPARENT, traceparent);
            }
        });
        this.customers = new CustomersApi(client);
    }

    @Override
    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = Unavailable.class)
    @ExponentialBackoff(maxDelay = 2000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5000, successThreshold = 1,
            failOn = Unavailable.class)
    public UUID registerProspect(UUID referralId, ReferralSignUp.Applicant applicant) {
        CustomerProfile profile = new CustomerProfile().kind(CustomerKind.INDIVIDUAL).status(CustomerStatus.PROSPECT)
                .fullName(applicant.fullName().strip()).idNumber(applicant.idNumber().toUpperCase())
                .mobile(applicant.mobile()).sourceChannel(CHANNEL);
        try {
            return customers.registerCustomer(profile, "referral-" + referralId).getId();
        } catch (ApiException e) {
            if (e.getCode() == 0 || e.getCode() >= 500 || e.getCode() == 429 || e.getCode() == 408) {
                throw new Unavailable("customer-service answered " + e.getCode() + " to POST /v1/customers", e);
            }
            JsonNode problem = problem(e);
            if (e.getCode() == 409 && problem.hasNonNull("existingCustomerId")) {
                return UUID.fromString(problem.get("existingCustomerId").asText());
            }
            if (e.getCode() == 400 || e.getCode() == 422) {
                List<Violation> refused = new ArrayList<>();
                problem.path("errors").forEach(f -> refused.add(new Violation("applicant." + f.path("field")
                        .asText("applicant"), f.path("message").asText("refused by customer-service"))));
                if (refused.isEmpty()) {
                    refused.add(new Violation("applicant", problem.path("detail").asText("refused by customer-service")));
                }
                throw new InvalidInput(refused);
            }
            throw new IllegalStateException("customer-service answered " + e.getCode() + " to POST /v1/customers");
        }
    }

    private String token() {
        try {
            Path file = Path.of(config.tokenFile().orElseThrow(() -> new Unavailable(
                    "merchant.customer-service.token-file is not set", null)));
            FileTime modified = Files.getLastModifiedTime(file);
            if (token == null || !modified.equals(tokenRead)) {
                token = Files.readString(file, StandardCharsets.UTF_8).trim();
                tokenRead = modified;
            }
            return token;
        } catch (IOException e) {
            throw new Unavailable("the service token cannot be read: " + e, e);
        }
    }

    private JsonNode problem(ApiException e) {
        try {
            return e.getResponseBody() == null ? json.createObjectNode() : json.readTree(e.getResponseBody());
        } catch (IOException unreadable) {
            return json.createObjectNode();
        }
    }
}
