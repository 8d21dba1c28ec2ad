package io.scimflow.sink.warmup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.ModifiedProperty;
import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.sink.log.ProvisioningLogWriter;
import io.scimflow.sink.target.PatchStyle;
import io.scimflow.sink.target.TargetCapabilities;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SinkWarmUpTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    // no producer: a rehearsal only builds entries, it never writes them
    private final ProvisioningLogWriter logWriter = new ProvisioningLogWriter(null, "provisioning.log", "run-1", Set.of(), meters);

    @Test
    void createsThenUpdatesEachMadeUpUserAgainstTheInMemoryTargetAndEncodesEveryEntry() {
        List<ProvisioningLogEntry> encoded = new ArrayList<>();

        SinkWarmUp.Result result = SinkWarmUp.run(TargetCapabilities.miro(PatchStyle.RFC7644), new ObjectMapper(), logWriter, encoded::add,
                40, Duration.ofMinutes(1));

        assertThat(result.operations()).isEqualTo(40);
        assertThat(result.encoded()).isEqualTo(40);
        assertThat(encoded).hasSize(40).allSatisfy(entry -> assertThat(entry.getStatus()).isEqualTo(LogStatus.SUCCESS));
        assertThat(encoded.get(0).getAction()).isEqualTo(LogAction.CREATE);
        assertThat(encoded.get(0).getTargetIdentity()).isEqualTo("warm.up.0@example.com");
        assertThat(encoded.get(1).getAction()).isEqualTo(LogAction.UPDATE);
        assertThat(encoded.get(1).getTargetId()).isEqualTo(encoded.get(0).getTargetId());
        assertThat(encoded.get(1).getModifiedProperties()).extracting(ModifiedProperty::getName).containsExactly("displayName");
        assertThat(meters.getMeters()).as("the rehearsal counts nothing in the sink's metrics").isEmpty();
    }

    @Test
    void theFirstEncodingFailureEndsTheEncodingButNotTheRehearsal() {
        int[] calls = {0};

        SinkWarmUp.Result result = SinkWarmUp.run(TargetCapabilities.miro(PatchStyle.RFC7644), new ObjectMapper(), logWriter, entry -> {
            calls[0]++;
            throw new IllegalStateException("registry unreachable");
        }, 10, Duration.ofMinutes(1));

        assertThat(calls[0]).isEqualTo(1);
        assertThat(result.operations()).isEqualTo(10);
        assertThat(result.encoded()).isZero();
    }

    @Test
    void theRehearsalTargetFindsAUserItCreatedByUserNameOnly() {
        RehearsalTarget target = new RehearsalTarget(new ObjectMapper());
        String id = target.createUser(new ObjectMapper().createObjectNode().put("userName", "ada@example.com")).created().path("id").asText();

        assertThat(target.findUser("userName", "ada@example.com")).get().extracting(u -> u.path("id").asText()).isEqualTo(id);
        assertThat(target.findUser("externalId", "ada@example.com")).isEmpty();
        assertThat(target.deleteUser(id)).isTrue();
        assertThat(target.findUser("userName", "ada@example.com")).isEmpty();
    }

    @Test
    void stopsWhenTheBudgetIsSpent() {
        SinkWarmUp.Result result = SinkWarmUp.run(TargetCapabilities.miro(PatchStyle.RFC7644), new ObjectMapper(), logWriter, entry -> {
        }, 1_000_000, Duration.ZERO);

        assertThat(result.operations()).isZero();
    }
}
