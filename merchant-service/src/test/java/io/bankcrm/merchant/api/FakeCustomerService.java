package io.bankcrm.merchant.api;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stand-in for customer-service's {@code POST /v1/customers} in merchant-service's own tests (system-tests'
 * {@code CardSpendingFlowIT} runs the real one): a person is one customer per ID number (409 with
 * {@code existingCustomerId} for the second registration), an {@code Idempotency-Key} replays its first answer, a
 * malformed mobile is a 400 naming it, and a switch makes it answer 503. It keeps every request it received.
 */
public class FakeCustomerService implements QuarkusTestResourceLifecycleManager {

    static final AtomicBoolean DOWN = new AtomicBoolean();
    static final Map<String, UUID> BY_ID_NUMBER = new ConcurrentHashMap<>();
    static final Map<String, String> REPLIES = new ConcurrentHashMap<>();
    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

    record Received(String authorization, String idempotencyKey, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/customers", this::handle);
            server.start();
            Path token = Files.createTempFile("merchant-test", ".token");
            Files.writeString(token, "merchant-service-token\n");
            String prospects = "io.bankcrm.merchant.service.CustomerServiceProspects/registerProspect/";
            return Map.of("merchant.customer-service.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "merchant.customer-service.token-file", token.toString(),
                    prospects + "Retry/delay", "10", prospects + "CircuitBreaker/delay", "100");
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

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        RECEIVED.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"), key, body));
        if (DOWN.get()) {
            reply(exchange, 503, "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503}");
            return;
        }
        if (key != null && REPLIES.containsKey(key)) {
            String[] stored = REPLIES.get(key).split("\n", 2);
            reply(exchange, Integer.parseInt(stored[0]), stored[1]);
            return;
        }
        int status;
        String answer;
        String mobile = body.path("mobile").asText("");
        if (!mobile.isEmpty() && !mobile.matches("1[3-9][0-9]{9}")) {
            status = 400;
            answer = "{\"type\":\"https://problems.bankcrm.io/validation\",\"title\":\"Bad Request\",\"status\":400,"
                    + "\"errors\":[{\"field\":\"mobile\",\"message\":\"not a mainland mobile number\"}]}";
        } else {
            UUID fresh = UUID.randomUUID();
            UUID existing = BY_ID_NUMBER.putIfAbsent(body.path("idNumber").asText(), fresh);
            if (existing != null) {
                status = 409;
                answer = "{\"type\":\"https://problems.bankcrm.io/duplicate-customer\",\"title\":\"Conflict\","
                        + "\"status\":409,\"existingCustomerId\":\"" + existing + "\"}";
            } else {
                status = 201;
                answer = "{\"id\":\"" + fresh + "\",\"kind\":\"INDIVIDUAL\",\"status\":\"PROSPECT\",\"version\":0}";
            }
        }
        if (key != null) {
            REPLIES.put(key, status + "\n" + answer);
        }
        reply(exchange, status, answer);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status < 300 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
