package io.bankcrm.crosssell.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.bankcrm.platform.testing.ApiDocuments;
import io.bankcrm.platform.testing.CrmTestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API layer: the published OpenAPI document is complete and names the roles @RolesAllowed names. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class ApiDocumentTest {

    @Test
    void everyOperationIsDocumentedCompletelyWithTheRolesItAllows() {
        ApiDocuments.check("io.bankcrm.crosssell.api");
    }

    @Test
    void creatingAnAgreementAnswers201WithLocationETagAndTheAgreement() {
        for (String path : new String[]{"/paths/~1v1~1payroll-agreements/post/responses/201",
                "/paths/~1v1~1collection-agreements/post/responses/201"}) {
            JsonNode created = ApiDocuments.published().at(path);
            assertTrue(created.at("/headers/Location").isObject(), path);
            assertTrue(created.at("/headers/ETag").isObject(), path);
            assertEquals("#/components/schemas/Agreement",
                    created.at("/content/application~1json/schema/$ref").asText(), path);
        }
    }

    @Test
    void aRosterIsAcceptedAsJsonNdjsonOrCsv() {
        JsonNode content = ApiDocuments.published().at("/paths/~1v1~1payroll-agreements~1{id}~1rosters/post/requestBody/content");
        assertTrue(content.has("application/json"));
        assertTrue(content.has("application/x-ndjson"));
        assertTrue(content.has("text/csv"));
    }
}
