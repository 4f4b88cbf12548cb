package io.bankcrm.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.clients.segmentation.ApiClient;
import io.bankcrm.clients.segmentation.ApiException;
import io.bankcrm.clients.segmentation.api.CustomerTiersApi;
import io.bankcrm.clients.segmentation.api.TieringPoliciesApi;
import io.bankcrm.clients.segmentation.api.TieringRunsApi;
import io.bankcrm.clients.segmentation.api.TiersApi;
import io.bankcrm.clients.segmentation.api.ValueFactsApi;
import io.bankcrm.clients.segmentation.model.Band;
import io.bankcrm.clients.segmentation.model.JobStatus;
import io.bankcrm.clients.segmentation.model.PolicyDocument;
import io.bankcrm.clients.segmentation.model.PolicyView;
import io.bankcrm.clients.segmentation.model.RunRequest;
import io.bankcrm.clients.segmentation.model.Segment;
import io.bankcrm.clients.segmentation.model.TieringMethod;
import io.bankcrm.clients.segmentation.model.TieringRun;
import io.bankcrm.clients.segmentation.model.ValueFact;
import io.bankcrm.clients.segmentation.model.ValueFigures;
import io.bankcrm.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * segmentation-service's packaged jar called through the client generated from its OpenAPI document
 * (module clients/segmentation-client), the way another bank system calls it: the core banking feed reports a
 * customer's month of figures and reads them back, a stale If-Match is refused as problem details, risk creates a
 * tiering policy and runs it as a dry run to completion, and the tier catalogue and an unknown customer's tier read
 * as documented.
 */
class SegmentationClientIT {

    @Test
    void anotherBankSystemWorksThroughTheGeneratedClient() throws Exception {
        try (ServiceProcess service = ServiceProcess.start("segmentation-service", "segmentation_client", Map.of())) {
            ValueFactsApi facts = new ValueFactsApi(client(service, "integration"));
            UUID customer = UUID.randomUUID();
            ValueFigures october = figures("1200.00");
            ValueFact reported = facts.reportValueFacts(customer, "2026-10", october, null);
            assertEquals(customer, reported.getCustomerId());
            assertEquals(0, new BigDecimal("1200.00").compareTo(reported.getNetInterestIncome()));

            ValueFact read = facts.getValueFacts(customer, "2026-10");
            assertEquals(reported.getVersion(), read.getVersion());
            assertEquals(1, facts.listValueFacts(customer, null, "2026-01", null, "2026-12").getItems().size());

            ValueFact replaced = facts.reportValueFacts(customer, "2026-10", figures("1500.00"),
                    "\"" + read.getVersion() + "\"");
            assertEquals(read.getVersion() + 1, replaced.getVersion());
            ApiException stale = assertThrows(ApiException.class, () -> facts.reportValueFacts(customer, "2026-10",
                    figures("1800.00"), "\"" + read.getVersion() + "\""));
            assertEquals(412, stale.getCode());
            JsonNode problem = new ObjectMapper().readTree(stale.getResponseBody());
            assertEquals(412, problem.path("status").asInt());
            assertTrue(problem.path("type").asText().startsWith("https://problems.bankcrm.io/"));

            PolicyView policy = new TieringPoliciesApi(client(service, "crm-admin")).createTieringPolicy(
                    new PolicyDocument().name("Retail 80/20 (client IT)").segment(Segment.RETAIL)
                            .method(TieringMethod.PARETO).windowMonths(1)
                            .bands(List.of(new Band().tier("PLATINUM").profitShareUpTo(new BigDecimal("50")),
                                    new Band().tier("GOLD").profitShareUpTo(new BigDecimal("80")),
                                    new Band().tier("SILVER").profitShareUpTo(new BigDecimal("95")), new Band().tier("MASS")))
                            .growthMonths(2).downgradeAfterRuns(3).minMonthsInTier(0),
                    "client-it-" + UUID.randomUUID());
            TieringRunsApi runs = new TieringRunsApi(client(service, "risk-analyst"));
            TieringRun run = runs.startTieringRun(new RunRequest().policyId(policy.getId()).asOfMonth("2026-10")
                    .dryRun(true), "client-it-" + UUID.randomUUID());
            Instant deadline = Instant.now().plusSeconds(120);
            while (run.getStatus() != JobStatus.COMPLETED) {
                assertFalse(run.getStatus() == JobStatus.FAILED, "the dry run failed: " + run);
                assertTrue(Instant.now().isBefore(deadline), "the dry run did not complete: " + run);
                Thread.sleep(250);
                run = runs.getTieringRun(run.getId());
            }

            assertFalse(new TiersApi(client(service, "relationship-manager")).listTiers("RETAIL").getItems()
                    .isEmpty());
            ApiException unknown = assertThrows(ApiException.class,
                    () -> new CustomerTiersApi(client(service, "relationship-manager")).getCustomerTier(UUID.randomUUID()));
            assertEquals(404, unknown.getCode());
        }
    }

    private static ApiClient client(ServiceProcess service, String role) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.baseUrl());
        String authorization = TestTokens.bearer(role);
        client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        return client;
    }

    private static ValueFigures figures(String netInterestIncome) {
        return new ValueFigures().avgDepositBalance(new BigDecimal("50000.00")).loanBalance(BigDecimal.ZERO)
                .assetsUnderManagement(BigDecimal.ZERO).netInterestIncome(new BigDecimal(netInterestIncome))
                .feeIncome(BigDecimal.ZERO).costToServe(BigDecimal.ZERO).transactionCount(10L)
                .transactionAmount(new BigDecimal("1000.00")).productsHeld(2).creditRating(ValueFigures.CreditRatingEnum.A).currency("CNY");
    }
}
