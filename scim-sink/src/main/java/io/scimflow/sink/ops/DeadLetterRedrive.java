package io.scimflow.sink.ops;

import java.time.Duration;
import java.util.Map;

import io.scimflow.schemas.deadletter.DeadLetterRedriver;
import io.scimflow.schemas.topics.DeadLetterHeaders;
import io.scimflow.schemas.topics.Topics;

/**
 * Redrives the sink's dead-letter topic: republishes every parked record (original key, value and
 * headers, plus an incremented {@link DeadLetterHeaders#REDRIVE_COUNT}) to its original topic,
 * up to the end of the topic as it was when the redrive started. Progress is kept in the
 * consumer group {@code <dlt>-redrive}, so a record is redriven once. The work is done by the
 * shared {@link DeadLetterRedriver} (the CLI's {@code redrive} uses it too). Callable from the
 * command line ({@link #main}), from the sink's {@code POST /admin/redrive}, or from code
 * ({@link #redrive}).
 */
public final class DeadLetterRedrive {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private DeadLetterRedrive() {
    }

    /** The result: how many records went back to which topics. */
    public record Result(int redriven, Map<String, Integer> byTopic) {
    }

    /**
     * As {@link #redrive(Map, String, String)}, a record without the original-topic header going
     * to {@value Topics#PROVISIONING_OPERATIONS}.
     */
    public static Result redrive(Map<String, Object> kafka, String deadLetterTopic) {
        return redrive(kafka, deadLetterTopic, Topics.PROVISIONING_OPERATIONS);
    }

    /**
     * @param kafka client settings (at least {@code bootstrap.servers}); no serializers needed
     * @param deadLetterTopic usually {@code scim-sink.dlt}
     * @param operationsTopic where a record without the original-topic header goes (the sink
     * parks only operations)
     */
    public static Result redrive(Map<String, Object> kafka, String deadLetterTopic, String operationsTopic) {
        DeadLetterRedriver.Result result = new DeadLetterRedriver(kafka, TIMEOUT).run(deadLetterTopic, operationsTopic, null, false);
        return new Result(result.redriven(), result.redrivenByTopic());
    }

    /**
     * {@code java -cp scim-sink.jar io.scimflow.sink.ops.DeadLetterRedrive <bootstrap-servers> [dead-letter-topic]}.
     */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: DeadLetterRedrive <bootstrap-servers> [dead-letter-topic (default " + Topics.SINK_DEAD_LETTER + ")]");
            System.exit(2);
        }
        Result result = redrive(Map.of("bootstrap.servers", args[0]), args.length > 1 ? args[1] : Topics.SINK_DEAD_LETTER);
        System.out.println("Redrove " + result.redriven() + " record(s): " + result.byTopic());
        System.exit(0);
    }
}
