package io.bankcrm.platform.observability;

import io.bankcrm.platform.inbox.Widgets;
import io.bankcrm.platform.jobs.Jobs;
import io.bankcrm.platform.jobs.StepJobs;
import io.bankcrm.platform.security.Roles;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.KafkaProbe;
import io.bankcrm.platform.testing.TestTokens;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * One trace from a request through its outbox row, the relay's send and the consumer to what the consumer
 * publishes in turn, on the real database and broker; and a row written before a relay restart keeps its trace.
 * Tracing is switched on for the platform's test application the way an operator does it, by configuring an OTLP
 * endpoint (src/test/resources/application.properties; the OTLP exporter itself is left out of that build so nothing
 * is sent anywhere): the spans are kept in memory ({@link InMemorySpans}).
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class TracingTest {

    private static final String ADMIN = TestTokens.bearer(Roles.CRM_ADMIN);

    @Inject
    InMemorySpanExporter spans;

    @Inject
    EntityManager em;

    @Inject
    Jobs jobs;

    @Inject
    OpenTelemetry openTelemetry;

    @Test
    void oneTraceFollowsARequestThroughTheOutboxAndKafkaToWhatTheConsumerPublishes() {
        String name = Widgets.ECHOED + UUID.randomUUID();
        String widget = given().header("Authorization", ADMIN).contentType("text/plain").body(name)
                .post("/test/traced-widgets").then().statusCode(200).extract().asString();

        List<Object[]> rows = awaitRows(widget, 2);
        String requestTraceparent = (String) rows.get(0)[1];
        String echoTraceparent = (String) rows.get(1)[1];
        assertNotNull(requestTraceparent, "the request's outbox row keeps its trace");
        assertNotNull(echoTraceparent, "the consumer's outbox row keeps its trace");
        String traceId = traceId(requestTraceparent);
        assertEquals(traceId, traceId(echoTraceparent), "what the consumer writes belongs to the request's trace");

        // the request's server span is in that trace (other tests post here too: found by its trace id)
        awaitSpan(s -> s.getKind() == SpanKind.SERVER && s.getName().contains("/test/traced-widgets")
                && traceId.equals(s.getTraceId()));
        String first = rows.get(0)[0].toString();
        String echo = rows.get(1)[0].toString();
        SpanData send = awaitSpan(messaging(SpanKind.PRODUCER, first));
        SpanData process = awaitSpan(messaging(SpanKind.CONSUMER, first));
        SpanData echoSend = awaitSpan(messaging(SpanKind.PRODUCER, echo));
        SpanData echoProcess = awaitSpan(messaging(SpanKind.CONSUMER, echo));
        for (SpanData span : List.of(send, process, echoSend, echoProcess)) {
            assertEquals(traceId, span.getTraceId(), span.getName() + " is in the request's trace");
        }
        assertEquals(spanId(requestTraceparent), send.getParentSpanId(), "the send continues the row's trace");
        assertEquals(send.getSpanId(), process.getParentSpanId(), "the consumer continues the send");
        assertEquals(process.getSpanId(), spanId(echoTraceparent), "the consumer's own row was written in its span");
        assertEquals(echoSend.getSpanId(), echoProcess.getParentSpanId());
        assertEquals("crm.platform-test.v1", send.getAttributes().get(
                io.opentelemetry.api.common.AttributeKey.stringKey("messaging.destination.name")));
    }

    @Test
    void aRowWrittenBeforeARelayRestartIsSentInTheTraceItWasWrittenIn() {
        // what a relay that starts after a restart finds: a row and its stored trace, nothing in memory
        String storedTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String storedSpan = "00f067aa0ba902b7";
        UUID event = UUID.randomUUID();
        UUID widget = UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.on(Widgets.TOPIC)) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            insert into outbox_event (id, shard, topic, aggregate_type, aggregate_id, type, payload,
                                                      occurred_at, traceparent)
                            values (?1, outbox_shard_of(?2), ?3, 'widget', ?2, ?4,
                                    cast(?5 as jsonb), now(), ?6)""")
                    .setParameter(1, event).setParameter(2, widget.toString()).setParameter(3, Widgets.TOPIC)
                    .setParameter(4, Widgets.MADE.type())
                    .setParameter(5, "{\"widgetId\":\"" + widget + "\",\"name\":\"restarted\"}")
                    .setParameter(6, "00-" + storedTrace + "-" + storedSpan + "-01").executeUpdate());
            ConsumerRecord<String, byte[]> record = probe.await(r -> widget.toString().equals(r.key()), 1,
                    Duration.ofSeconds(30)).get(0);
            String header = KafkaProbe.header(record, Tracing.TRACEPARENT);
            assertNotNull(header, "the record carries the trace");
            assertEquals(storedTrace, traceId(header));
            SpanData send = awaitSpan(messaging(SpanKind.PRODUCER, event.toString()));
            assertEquals(storedTrace, send.getTraceId());
            assertEquals(storedSpan, send.getParentSpanId());
            assertEquals(send.getSpanId(), spanId(header), "the header names the send span");
            SpanData process = awaitSpan(messaging(SpanKind.CONSUMER, event.toString()));
            assertEquals(storedTrace, process.getTraceId());
            assertEquals(send.getSpanId(), process.getParentSpanId());
        }
    }

    @Test
    void aJobRunsInTheTraceItWasSubmittedIn() {
        Span submitting = openTelemetry.getTracer("test").spanBuilder("submit").startSpan();
        UUID job;
        try (Scope scope = submitting.makeCurrent()) {
            job = QuarkusTransaction.requiringNew().call(() -> jobs.submit(StepJobs.ONE_SHOT,
                    new StepJobs.Parameters(1, null, null), "tester"));
        } finally {
            submitting.end();
        }
        String id = job.toString();
        SpanData run = awaitSpan(s -> id.equals(s.getAttributes().get(
                io.opentelemetry.api.common.AttributeKey.stringKey("crm.job.id"))));
        assertEquals(submitting.getSpanContext().getTraceId(), run.getTraceId(), "the job is in the submitter's trace");
        assertEquals(submitting.getSpanContext().getSpanId(), run.getParentSpanId());
    }

    private static Predicate<SpanData> messaging(SpanKind kind, String eventId) {
        return s -> s.getKind() == kind && eventId.equals(s.getAttributes().get(
                io.opentelemetry.api.common.AttributeKey.stringKey("messaging.message.id")));
    }

    private SpanData awaitSpan(Predicate<SpanData> wanted) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            Optional<SpanData> found = spans.getFinishedSpanItems().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no such span among " + spans.getFinishedSpanItems().stream()
                        .map(s -> s.getKind() + " " + s.getName()).toList());
            }
            sleep();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> awaitRows(String widget, int count) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                            "select id, traceparent from outbox_event where aggregate_id = ?1 order by seq")
                    .setParameter(1, widget).getResultList());
            if (rows.size() >= count) {
                return rows;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + count + " outbox rows of " + widget + ", found " + rows.size());
            }
            sleep();
        }
    }

    private static String traceId(String traceparent) {
        return traceparent.split("-")[1];
    }

    private static String spanId(String traceparent) {
        return traceparent.split("-")[2];
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
