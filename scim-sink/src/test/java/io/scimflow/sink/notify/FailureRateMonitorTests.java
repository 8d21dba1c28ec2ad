package io.scimflow.sink.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureRateMonitorTests {

    private Instant now = Instant.parse("2026-11-28T10:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void alertsOncePerIncidentAndAgainAfterTheWindowIsClean() {
        List<Integer> alerts = new ArrayList<>();
        FailureRateMonitor monitor = new FailureRateMonitor(3, Duration.ofMinutes(10), clock, alerts::add);
        monitor.record(true);
        monitor.record(false);
        monitor.record(true);
        assertThat(alerts).isEmpty();
        monitor.record(true);
        monitor.record(true);
        monitor.record(true);
        assertThat(alerts).containsExactly(3);
        now = now.plus(Duration.ofMinutes(11));
        monitor.record(false);
        for (int i = 0; i < 3; i++) {
            monitor.record(true);
        }
        assertThat(alerts).containsExactly(3, 3);
    }
}
