package io.scimflow.sink.errors;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.scimflow.schemas.topics.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Parks a record on {@code scim-sink.dlt}: the original key and value bytes, the original
 * headers, and spring-kafka's {@code kafka_dlt-*} headers plus {@link DeadLetterHeaders#REASON}.
 * Acknowledged before it returns. Thread-safe.
 */
public final class DeadLetterPublisher {

    public static final String PARKED_BY = "scim-sink";
    /** spring-kafka's header with the exception class name. */
    static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";

    private final Producer<byte[], byte[]> producer;
    private final String topic;

    public DeadLetterPublisher(Producer<byte[], byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    public void park(ConsumerRecord<?, byte[]> record, byte[] keyBytes, String reason, Throwable failure) {
        Headers headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt-") && !header.key().equals(DeadLetterHeaders.REASON)
                    && !header.key().equals(DeadLetterHeaders.PARKED_BY)) {
                headers.add(header);
            }
        }
        headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, utf8(record.topic()));
        headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(record.partition()).array());
        headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(record.offset()).array());
        headers.add(DeadLetterHeaders.EXCEPTION_MESSAGE, utf8(failure == null ? reason : String.valueOf(failure.getMessage())));
        headers.add(EXCEPTION_FQCN, utf8(failure == null ? "" : failure.getClass().getName()));
        headers.add(DeadLetterHeaders.REASON, utf8(reason));
        headers.add(DeadLetterHeaders.PARKED_BY, utf8(PARKED_BY));
        try {
            producer.send(new ProducerRecord<>(topic, null, keyBytes, record.value(), headers)).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parking a record on " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot park a record on " + topic + ": " + e, e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
