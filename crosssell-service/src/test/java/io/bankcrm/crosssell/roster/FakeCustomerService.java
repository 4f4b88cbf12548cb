package io.bankcrm.crosssell.roster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for customer-service's REST API in crosssell's own tests (the system test runs the real one):
 * registration matching by ID number (409 existingCustomerId), a 400 for a mobile it refuses, relationships with
 * 409 existingRelationshipId for an open one, ends, Idempotency-Key replay, and a switch that makes it answer 503.
 */
public class FakeCustomerService implements QuarkusTestResourceLifecycleManager {

    static final java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
    static final Map<String, UUID> customersByIdNumber = new ConcurrentHashMap<>();
    static final Map<String, UUID> openLinks = new ConcurrentHashMap<>();
    static final Set<UUID> ended = ConcurrentHashMap.newKeySet();
    static final Map<String, String> replies = new ConcurrentHashMap<>();
    static final AtomicInteger registrations = new AtomicInteger();
    static final AtomicInteger calls = new AtomicInteger();
    static final Set<String> authorizations = ConcurrentHashMap.newKeySet();

    private static final Pattern LINK = Pattern.compile("/v1/customers/([0-9a-f-]{36})/relationships");
    private static final Pattern END = Pattern.compile("/v1/customers/([0-9a-f-]{36})/relationships/([0-9a-f-]{36})/end");
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
            Path token = Files.createTempFile("crosssell-test", ".token");
            Files.writeString(token, "test-token\n");
            return Map.of("crosssell.customer-service.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "crm.system-caller.token-file", token.toString(),
                    "crm.system-caller.max-pause", "1s");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange x) throws IOException {
        calls.incrementAndGet();
        if (down.get()) {
            reply(x, 503, "{\"status\":503}");
            return;
        }
        authorizations.add(x.getRequestHeaders().getFirst("Authorization"));
        String key = x.getRequestHeaders().getFirst("Idempotency-Key");
        String path = x.getRequestURI().getPath();
        JsonNode body = JSON.readTree(x.getRequestBody());
        String replayed = key == null ? null : replies.get(path + key);
        if (replayed != null) {
            int status = Integer.parseInt(replayed.substring(0, 3));
            reply(x, status, replayed.substring(3));
            return;
        }
        int status;
        String answer;
        Matcher end = END.matcher(path);
        Matcher link = LINK.matcher(path);
        if (path.equals("/v1/customers")) {
            String idNumber = body.path("idNumber").asText();
            if (body.path("mobile").asText().startsWith("100")) {
                status = 400;
                answer = "{\"status\":400,\"errors\":[{\"field\":\"mobile\",\"message\":\"is not a mobile number\"}]}";
            } else if (customersByIdNumber.containsKey(idNumber)) {
                status = 409;
                answer = "{\"status\":409,\"existingCustomerId\":\"" + customersByIdNumber.get(idNumber) + "\"}";
            } else {
                UUID id = UUID.randomUUID();
                customersByIdNumber.put(idNumber, id);
                registrations.incrementAndGet();
                status = 201;
                answer = "{\"id\":\"" + id + "\"}";
            }
        } else if (end.matches()) {
            UUID relationship = UUID.fromString(end.group(2));
            status = ended.add(relationship) ? 200 : 409;
            openLinks.values().remove(relationship);
            answer = "{}";
        } else if (link.matches()) {
            String linkKey = link.group(1) + "|" + body.path("relatedCustomerId").asText() + "|" + body.path("type").asText();
            UUID open = openLinks.get(linkKey);
            if (open != null) {
                status = 409;
                answer = "{\"status\":409,\"existingRelationshipId\":\"" + open + "\"}";
            } else {
                UUID id = UUID.randomUUID();
                openLinks.put(linkKey, id);
                status = 201;
                answer = "{\"id\":\"" + id + "\"}";
            }
        } else {
            status = 404;
            answer = "{}";
        }
        if (key != null) {
            replies.put(path + key, status + answer);
        }
        reply(x, status, answer);
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }
}
