package io.scimflow.benchmarks.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MachineQuietTest {

    @Test
    void idleAndIowaitAreNotBusyAndStealIs() {
        // cpu user nice system idle iowait irq softirq steal guest guest_nice
        MachineQuiet.CpuTicks ticks = MachineQuiet.CpuTicks.parse("cpu  100 5 20 1000 30 1 2 7 50 0");

        assertThat(ticks.busy()).isEqualTo(100 + 5 + 20 + 1 + 2 + 7);
        assertThat(ticks.total()).isEqualTo(100 + 5 + 20 + 1000 + 30 + 1 + 2 + 7);
    }

    @Test
    void busyCoresAreTheBusyShareOfAllTicksTimesTheCores() {
        MachineQuiet.CpuTicks before = new MachineQuiet.CpuTicks(1000, 5000);
        MachineQuiet.CpuTicks after = new MachineQuiet.CpuTicks(1050, 5200);

        double cores = Runtime.getRuntime().availableProcessors();
        assertThat(after.busyCoresSince(before)).isCloseTo(50.0 / 200 * cores, within(1e-9));
        assertThat(before.busyCoresSince(before)).isZero();
    }

    @Test
    void refusesALineThatIsNotTheCpuTotal() {
        assertThatThrownBy(() -> MachineQuiet.CpuTicks.parse("cpu0 1 2 3 4")).isInstanceOf(IllegalArgumentException.class);
    }
}
