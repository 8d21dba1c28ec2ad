package io.scimflow.schemas.serde;

import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.schemas.SampleEvents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AvroRoundTripTest {

    @Test
    void readsBackAnEqualCopyAndReusesItsBuffers() {
        AvroRoundTrip<ProvisioningOperation> roundTrip = new AvroRoundTrip<>(ProvisioningOperation.getClassSchema());
        ProvisioningOperation first = SampleEvents.operation();

        ProvisioningOperation copy = roundTrip.roundTrip(first);

        assertThat(copy).isEqualTo(first).isNotSameAs(first);
        assertThat(roundTrip.roundTrip(copy)).isEqualTo(first);
    }
}
