package io.bankcrm.customer.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.identifiers.UnifiedSocialCreditCode;
import io.bankcrm.platform.testing.ApiDocuments;
import io.bankcrm.platform.testing.CrmTestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API layer: the published OpenAPI document is complete, names the roles @RolesAllowed names, and its examples are valid. */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class ApiDocumentTest {

    @Test
    void everyOperationIsDocumentedCompletelyWithTheRolesItAllows() {
        ApiDocuments.check("io.bankcrm.customer.api");
    }

    @Test
    void registrationAnswers201WithLocationAndETag() {
        JsonNode created = ApiDocuments.published().at("/paths/~1v1~1customers/post/responses/201");
        assertTrue(created.at("/headers/Location").isObject());
        assertTrue(created.at("/headers/ETag").isObject());
        assertEquals("#/components/schemas/CustomerView",
                created.at("/content/application~1json/schema/$ref").asText());
    }

    @Test
    void theMergePatchShapeHasTheProfilesFieldsAndBoundsWithNothingRequired() {
        JsonNode schemas = ApiDocuments.published().at("/components/schemas");
        JsonNode profile = schemas.at("/CustomerProfile/properties");
        JsonNode patch = schemas.at("/CustomerPatch/properties");
        assertEquals(profile.size(), patch.size());
        profile.fields().forEachRemaining(field -> assertEquals(field.getValue().path("maxLength"),
                patch.path(field.getKey()).path("maxLength"), field.getKey()));
        assertTrue(schemas.at("/CustomerPatch/required").isMissingNode());
    }

    @Test
    void theExamplesCarryValidIdentifiers() {
        JsonNode individual = ApiDocuments.read(ApiExamples.INDIVIDUAL_PROFILE);
        JsonNode corporate = ApiDocuments.read(ApiExamples.CORPORATE_PROFILE);
        assertTrue(ResidentIdNumber.validate(individual.path("idNumber").asText(), LocalDate.now()).valid());
        assertTrue(UnifiedSocialCreditCode.validate(corporate.path("creditCode").asText()).valid());
        assertEquals(ApiDocuments.read(ApiExamples.MATCH_REQUEST).path("idNumber"), individual.path("idNumber"));
    }
}
