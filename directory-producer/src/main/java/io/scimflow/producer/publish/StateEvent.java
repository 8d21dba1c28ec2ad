package io.scimflow.producer.publish;

import org.apache.avro.specific.SpecificRecordBase;

/**
 * One record to publish: a {@code DirectoryUser}, {@code DirectoryGroup} or
 * {@code GroupMembership} value under its key, or a tombstone ({@code value == null}).
 */
public record StateEvent(EventTopic topic, String key, SpecificRecordBase value) {

    public boolean tombstone() {
        return value == null;
    }

    @Override
    public String toString() {
        return topic + "/" + key + (value == null ? " (tombstone)" : "");
    }
}
