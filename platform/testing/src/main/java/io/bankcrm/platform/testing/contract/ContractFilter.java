package io.bankcrm.platform.testing.contract;

import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract filter: a RestAssured filter that checks every answer a test receives against the OpenAPI document
 * the answering service publishes at {@code /q/openapi} (fetched once per origin, on the first request, and again
 * for each test class, since another class may start the application with another profile). What is checked is
 * {@link ContractDocument#violation}; a violation fails the request with an {@link AssertionError} naming the
 * operation, the status and the schema path, so the test that made the request fails there.
 * <p>
 * Exempt: paths under {@code /q/} (health, metrics, the document itself: Quarkus's endpoints, not the service's
 * contract). Requests are not judged, only answers: tests send invalid requests on purpose, and the refusal must be
 * documented like any other answer.
 * <p>
 * Installed into {@link RestAssured#filters} for every test of a module that opts in, by {@link ContractExtension}.
 */
public final class ContractFilter implements OrderedFilter {

    private static final ContractFilter INSTANCE = new ContractFilter();
    private static final Map<String, ContractDocument> DOCUMENTS = new ConcurrentHashMap<>();
    private static final List<String> VIOLATIONS = new ArrayList<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ContractFilter() {
    }

    /** Adds the filter to RestAssured's global filters, once (again after a {@code RestAssured.reset()}). */
    public static synchronized void install() {
        if (!RestAssured.filters().contains(INSTANCE)) {
            RestAssured.filters(INSTANCE);
        }
    }

    /** Takes the filter out again. */
    public static synchronized void uninstall() {
        List<io.restassured.filter.Filter> others = new ArrayList<>(RestAssured.filters());
        others.remove(INSTANCE);
        RestAssured.replaceFiltersWith(others);
    }

    /** The documents are fetched again on the next request (a new test class may run a new application). */
    public static void forgetDocuments() {
        DOCUMENTS.clear();
    }

    /** The violations found since the last call (also those a test caught or that happened on another thread). */
    public static List<String> drainViolations() {
        synchronized (VIOLATIONS) {
            List<String> found = List.copyOf(VIOLATIONS);
            VIOLATIONS.clear();
            return found;
        }
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE; // last before the wire: judge the answer as the server sent it
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected,
                           FilterContext context) {
        Response response = context.next(request, expected);
        String uri = request.getURI();
        String path = path(uri);
        if (exempt(path)) {
            return response;
        }
        String origin = origin(uri);
        ContractDocument document = DOCUMENTS.computeIfAbsent(origin, ContractFilter::fetch);
        Optional<String> violation = document.violation(request.getMethod(), path, response.statusCode(),
                response.getHeader("Content-Type"), response.asByteArray());
        if (violation.isPresent()) {
            String message = "API contract (" + origin + "/q/openapi): " + violation.get();
            synchronized (VIOLATIONS) {
                VIOLATIONS.add(message);
            }
            throw new AssertionError(message);
        }
        return response;
    }

    static boolean exempt(String path) {
        return path.equals("/q") || path.startsWith("/q/");
    }

    private static ContractDocument fetch(String origin) {
        URI uri = URI.create(origin + "/q/openapi?format=json");
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("API contract: " + uri + " answered " + answer.statusCode()
                        + "; the contract filter checks only answers of a service that publishes its document there");
            }
            return ContractDocument.of(answer.body());
        } catch (IOException e) {
            throw new AssertionError("API contract: cannot read " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("API contract: interrupted reading " + uri, e);
        }
    }

    /** {@code http://localhost:8081/v1/x?y} → {@code http://localhost:8081} (plain string work: a test may send a
     * path that is no valid URI on purpose). */
    static String origin(String uri) {
        int scheme = uri.indexOf("://");
        int slash = uri.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        return slash < 0 ? uri : uri.substring(0, slash);
    }

    /** {@code http://localhost:8081/v1/x?y} → {@code /v1/x}, as sent. */
    static String path(String uri) {
        int scheme = uri.indexOf("://");
        int slash = uri.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        if (slash < 0) {
            return "/";
        }
        String rest = uri.substring(slash);
        int end = rest.length();
        for (char c : new char[] {'?', '#'}) {
            int at = rest.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return rest.substring(0, end);
    }
}
