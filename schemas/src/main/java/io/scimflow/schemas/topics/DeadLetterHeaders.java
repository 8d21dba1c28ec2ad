package io.scimflow.schemas.topics;

/**
 * Headers on dead-letter records. The apps park records with spring-kafka's
 * {@code DeadLetterPublishingRecoverer}, which keeps the original key and value bytes and
 * adds its standard {@code kafka_dlt-*} headers (original topic, partition, offset,
 * exception class and message); the apps add {@link #REASON} in words an operator can act on.
 * A redrive republishes the original bytes to {@link #ORIGINAL_TOPIC}.
 */
public final class DeadLetterHeaders {

    /** Set by spring-kafka: the topic the record came from. */
    public static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    /** Set by spring-kafka: the partition it came from (4-byte int). */
    public static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    /** Set by spring-kafka: the offset it had (8-byte long). */
    public static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    /** Set by spring-kafka: the exception's message. */
    public static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    /** Set by the apps: why the record was parked, for operators (UTF-8 text). */
    public static final String REASON = "scimflow-reason";
    /** Set by the apps: which app parked it (provisioning-worker, scim-sink). */
    public static final String PARKED_BY = "scimflow-parked-by";
    /** Set by the redrive command on republished records: how many times this record was redriven. */
    public static final String REDRIVE_COUNT = "scimflow-redrive-count";

    private DeadLetterHeaders() {
    }
}
