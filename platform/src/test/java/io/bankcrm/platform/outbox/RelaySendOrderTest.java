package io.bankcrm.platform.outbox;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Container-free: how the relay sends one pass of a shard. Nothing of an aggregate may reach Kafka after an
 * earlier event of it failed: a refused send stops the pass, and a failure closes the producer at once so that
 * what it still buffers of the pass is never sent behind the failed record.
 */
class RelaySendOrderTest {

    private static final List<ProducerRecord<String, byte[]>> PASS = List.of(
            record("v1"), record("v2"), record("v3"));

    @Test
    void aPassThatKafkaAcknowledgesIsSentWhole() {
        MockProducer<String, byte[]> kafka = producer(true);
        OutboxRelay.Sent sent = OutboxRelay.sendInOrder(kafka, PASS);
        assertEquals(3, sent.acknowledged());
        assertNull(sent.failure());
        assertEquals(List.of("v1", "v2", "v3"), values(kafka));
        assertTrue(!kafka.closed(), "a healthy producer is kept");
    }

    @Test
    void aRefusedSendStopsThePassSoNoLaterEventOvertakesIt() {
        MockProducer<String, byte[]> kafka = producer(true);
        Producer<String, byte[]> refusingV2 = refusing(kafka, "v2");
        OutboxRelay.Sent sent = OutboxRelay.sendInOrder(refusingV2, PASS);
        assertEquals(1, sent.acknowledged(), "v1, sent before the refusal, is acknowledged and marked sent");
        assertInstanceOf(TimeoutException.class, sent.failure());
        assertEquals(List.of("v1"), values(kafka), "v3 is never handed to the producer");
        assertTrue(kafka.closed());
    }

    @Test
    void aFailedAcknowledgementClosesTheProducerSoWhatItStillBuffersIsNeverSent() throws Exception {
        MockProducer<String, byte[]> kafka = producer(false);
        CompletableFuture<OutboxRelay.Sent> pass = CompletableFuture.supplyAsync(
                () -> OutboxRelay.sendInOrder(kafka, PASS));
        Instant deadline = Instant.now().plusSeconds(10);
        while (kafka.history().size() < 3 && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        assertTrue(kafka.errorNext(new TimeoutException("v1 expired in the buffer")));
        OutboxRelay.Sent sent = pass.get(10, TimeUnit.SECONDS);
        assertEquals(0, sent.acknowledged(), "nothing is marked sent after the first failure");
        assertInstanceOf(TimeoutException.class, sent.failure());
        assertTrue(kafka.closed(), "v2 and v3, still buffered, go down with the producer");
    }

    private static MockProducer<String, byte[]> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), new ByteArraySerializer());
    }

    /** {@code delegate}, except that the send of {@code value} fails at once, as a send without metadata does. */
    @SuppressWarnings("unchecked")
    private static Producer<String, byte[]> refusing(MockProducer<String, byte[]> delegate, String value) {
        return (Producer<String, byte[]>) Proxy.newProxyInstance(Producer.class.getClassLoader(),
                new Class<?>[]{Producer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("send")
                            && value.equals(new String(((ProducerRecord<String, byte[]>) args[0]).value()))) {
                        return CompletableFuture.failedFuture(new TimeoutException("no metadata within max.block.ms"));
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static List<String> values(MockProducer<String, byte[]> kafka) {
        return kafka.history().stream().map(r -> new String(r.value())).toList();
    }

    private static ProducerRecord<String, byte[]> record(String value) {
        return new ProducerRecord<>("crm.test.v1", "aggregate-1", value.getBytes());
    }

}
