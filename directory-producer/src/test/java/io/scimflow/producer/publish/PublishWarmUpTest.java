package io.scimflow.producer.publish;

import java.util.ArrayList;
import java.util.List;

import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.producer.local.SyntheticDirectory;
import io.scimflow.producer.model.Directory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishWarmUpTest {

    private final Directory directory = SyntheticDirectory.generate(100, 12, SyntheticDirectory.SAMPLE_SEED);

    @Test
    void encodesEveryRecordTheRoundWouldPublishStampedWithTheWarmUpSource() {
        List<Object> encoded = new ArrayList<>();
        List<EventTopic> topics = new ArrayList<>();

        PublishWarmUp.Result result = PublishWarmUp.run(directory, "warm-up", (topic, value) -> {
            topics.add(topic);
            encoded.add(value);
        });

        assertThat(result.records()).isEqualTo(directory.users().size() + directory.groups().size() + directory.memberships().size());
        assertThat(result.encoded()).isEqualTo(result.records()).isEqualTo(encoded.size());
        assertThat(topics).contains(EventTopic.USERS, EventTopic.GROUPS, EventTopic.MEMBERSHIPS);
        assertThat(encoded).filteredOn(DirectoryUser.class::isInstance).hasSize(directory.users().size())
                .allSatisfy(user -> assertThat(((DirectoryUser) user).getSource()).isEqualTo("warm-up"));
    }

    @Test
    void theFirstEncodingFailureEndsTheEncodingButNotTheRound() {
        int[] calls = {0};

        PublishWarmUp.Result result = PublishWarmUp.run(directory, "warm-up", (topic, value) -> {
            calls[0]++;
            throw new IllegalStateException("registry unreachable");
        });

        assertThat(calls[0]).isEqualTo(1);
        assertThat(result.encoded()).isZero();
        assertThat(result.records()).isPositive();
    }
}
