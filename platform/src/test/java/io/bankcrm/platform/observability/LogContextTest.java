package io.bankcrm.platform.observability;

import io.bankcrm.platform.inbox.Widgets;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The MDC of log lines: a request's lines carry its request id, the caller's user name and the trace id; a
 * consumer's lines carry the trace it continues. (The JSON format of prod puts the MDC in each line's {@code mdc}.)
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class LogContextTest {

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                ext.copyMdc();
                records.add(ext);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void aRequestsLogLinesCarryItsRequestIdPrincipalAndTraceAndTheConsumersCarryTheTrace() {
        String requestId = "req-" + UUID.randomUUID();
        String widget = given().header("Authorization", "Bearer " + TestTokens.token("log-tester", Roles.CRM_ADMIN))
                .header("X-Request-Id", requestId).contentType("text/plain").body(Widgets.ECHOED + "logged")
                .post("/test/traced-widgets").then().statusCode(200).extract().asString();

        Map<String, String> request = awaitMdc("traced widget " + widget + " made");
        assertEquals(requestId, request.get(LogContext.REQUEST_ID));
        assertEquals("log-tester", request.get(LogContext.PRINCIPAL));
        String traceId = request.get(LogContext.TRACE_ID);
        assertNotNull(traceId, "the request's line names its trace");

        Map<String, String> consumer = awaitMdc("echoing widget " + widget);
        assertEquals(traceId, consumer.get(LogContext.TRACE_ID), "the consumer's line names the request's trace");
        assertEquals(null, consumer.get(LogContext.REQUEST_ID), "a consumer serves no request");
    }

    private Map<String, String> awaitMdc(String message) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            for (ExtLogRecord record : records) {
                if (message.equals(record.getFormattedMessage())) {
                    return record.getMdcCopy().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                            Map.Entry::getKey, e -> String.valueOf(e.getValue())));
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no log line \"" + message + "\"");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
