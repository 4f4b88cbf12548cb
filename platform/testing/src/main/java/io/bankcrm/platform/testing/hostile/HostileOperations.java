package io.bankcrm.platform.testing.hostile;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;

/**
 * The hostile-input test of a service, as a base class: generated hostile requests (see {@link HostileInput})
 * against every operation of the service's OpenAPI document: no 5xx, every error problem+json and documented for
 * its operation, nothing stored. A service's test says only what is its own: a caller whose roles reach every
 * operation, valid path values and base bodies.
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;QuarkusTestResource(CrmTestStack.class)
 * class HostileOperationsTest extends HostileOperations {
 *     &#64;Override
 *     protected HostileInput requests(HostileInput input) {
 *         return input.authorization("Bearer " + TestTokens.token("fuzzer", "crm-admin"))
 *                 .pathValue("id", someId)
 *                 .baseBody("POST /v1/things", () -&gt; Map.of("name", "张伟"));
 *     }
 * }
 * </pre>
 * {@code -Dhostile.tries=N} sets the number of requests (250 by default), {@code -Dhostile.seed=S} replays a run.
 */
public abstract class HostileOperations {

    @TestHTTPResource("/")
    URI base;

    /** The service's part: authorization, path values and base bodies (called once, inside the test). */
    protected abstract HostileInput requests(HostileInput input);

    @Test
    void everyOperationRefusesHostileInputAndStoresNothing() {
        // looked up, not injected: this class lives in a library jar, outside the application's bean index
        DataSource database = Arc.container().instance(DataSource.class).get();
        requests(HostileInput.against(base)
                .storedRows(() -> StoredRows.count(database))
                .tries(Integer.getInteger("hostile.tries", 250)))
                .check();
    }
}
