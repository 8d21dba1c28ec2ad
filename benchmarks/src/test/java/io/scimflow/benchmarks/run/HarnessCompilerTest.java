package io.scimflow.benchmarks.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.LongUnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class HarnessCompilerTest {

    @Test
    void recognisesTheCompilerThreadsByTheirNamesAsLinuxCutsThem() {
        assertThat(HarnessCompiler.isCompiler("C2 CompilerThre")).isTrue();
        assertThat(HarnessCompiler.isCompiler("C1 CompilerThre")).isTrue();
        assertThat(HarnessCompiler.isCompiler("VM Thread")).isFalse();
        assertThat(HarnessCompiler.isCompiler("Compiler")).isFalse();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void countsTheCpuTheCompilersUseForCodeRunHotAfterTheMark() {
        HarnessCompiler mark = HarnessCompiler.mark();
        // code no test ran before: the JIT compiles it while the loop runs
        LongUnaryOperator step = x -> (x * 6364136223846793005L + 1442695040888963407L) ^ (x >>> 29);
        long value = 1;
        for (int i = 0; i < 5_000_000; i++) {
            value = step.applyAsLong(value);
        }
        double seconds = mark.cpuSecondsSince();

        assertThat(value).isNotZero();
        assertThat(seconds).isGreaterThan(0).isLessThan(60);
    }
}
