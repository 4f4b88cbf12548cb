package io.bankcrm.localstack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedKafkaBrokerTest {

    private static final Path DATA = Path.of("target", "local-stack-test", "kafka");

    @Test
    void producesAndConsumesAcrossStopAndRestart() throws Exception {
        String topic = "local-stack-test-" + UUID.randomUUID();
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(DATA, 0)) {
            assertTrue(kafka.isRunning());
            String bootstrap = kafka.bootstrapServers();
            int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));

            try (KafkaProducer<String, String> producer = producer(bootstrap);
                 KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
                producer.send(new ProducerRecord<>(topic, "k1", "before")).get(30, TimeUnit.SECONDS);
                consumer.subscribe(List.of(topic));
                assertEquals(List.of("before"), poll(consumer, 1));
                consumer.commitSync(); // the group may rejoin after the outage and resume from here

                kafka.stop();
                assertFalse(kafka.isRunning());
                assertThrows(IOException.class, () -> new Socket("localhost", port).close(), "port closed");

                // written while the broker is down, from another thread: send() itself may block
                // (up to max.block.ms) when the producer has dropped the topic's metadata
                CompletableFuture<RecordMetadata> pending = CompletableFuture.supplyAsync(() -> {
                    try {
                        return producer.send(new ProducerRecord<>(topic, "k1", "during-outage")).get();
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                });
                Thread.sleep(300);

                kafka.restart();
                assertTrue(kafka.isRunning());
                assertEquals(bootstrap, kafka.bootstrapServers());

                pending.get(60, TimeUnit.SECONDS);
                producer.send(new ProducerRecord<>(topic, "k1", "after")).get(30, TimeUnit.SECONDS);
                assertEquals(List.of("during-outage", "after"), poll(consumer, 2));
            }
        }
    }

    private static List<String> poll(KafkaConsumer<String, String> consumer, int expected) {
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (values.size() < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                values.add(r.value());
            }
        }
        return values;
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 250,
                ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 250,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "local-stack-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 250,
                ConsumerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 250,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    }
}
