package io.scimflow.cli.onoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class SinkInstancesTests {

    @Test
    void aLoopbackNameIsOneInstanceEvenWithTwoAddresses() {
        assertThat(SinkInstances.expand(List.of(URI.create("http://localhost:8083/admin")), true))
                .containsExactly(URI.create("http://localhost:8083"));
    }

    @Test
    void theSameInstanceGivenTwiceIsCalledOnce() {
        assertThat(SinkInstances.expand(List.of(URI.create("http://127.0.0.1:8083"), URI.create("http://127.0.0.1:8083/")), true))
                .containsExactly(URI.create("http://127.0.0.1:8083"));
    }

    @Test
    void withoutResolvingTheNameIsKeptAsGiven() {
        assertThat(SinkInstances.expand(List.of(URI.create("http://scim-sink.invalid:8083")), false))
                .containsExactly(URI.create("http://scim-sink.invalid:8083"));
    }

    @Test
    void anUnknownHostIsNamed() {
        assertThatThrownBy(() -> SinkInstances.expand(List.of(URI.create("http://no-such-sink.invalid:8083")), true))
                .hasMessageContaining("unknown host no-such-sink.invalid");
    }
}
