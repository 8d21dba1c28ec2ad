package io.scimflow.sink.log;

import java.time.Instant;
import java.util.List;

import io.scimflow.events.ObjectType;
import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.ModifiedProperty;
import io.scimflow.events.log.ProvisioningLogEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProvisioningLogLinesTests {

    @Test
    void formatsOneReadableLine() {
        ProvisioningLogEntry entry = ProvisioningLogEntry.newBuilder().setId("1").setChangeId("c").setOperationId("op-1")
                .setRunId("run-1").setTimestamp(Instant.EPOCH).setObjectType(ObjectType.USER).setSourceId("42")
                .setSourceIdentity("alice@corp.com").setTargetId("3074").setAction(LogAction.UPDATE).setStatus(LogStatus.SUCCESS)
                .setStatusReason("Updated").setModifiedProperties(List.of(new ModifiedProperty("displayName", "A", "B")))
                .setRequests(2).setDurationMs(35).build();
        assertThat(ProvisioningLogLines.format(entry)).isEqualTo("UPDATE SUCCESS user/42 (alice@corp.com) -> 3074 \"Updated\" "
                + "modified=[displayName: 'A' -> 'B'] requests=2 duration=35ms run=run-1 op=op-1");
    }

    @Test
    void redactsPasswordAndConfiguredSecrets() {
        ProvisioningLogWriter writer = new ProvisioningLogWriter(null, "log", "run", java.util.Set.of("employeenumber"),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        assertThat(writer.isSecret("password")).isTrue();
        assertThat(writer.isSecret("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber")).isTrue();
        assertThat(writer.isSecret("displayName")).isFalse();
    }
}
