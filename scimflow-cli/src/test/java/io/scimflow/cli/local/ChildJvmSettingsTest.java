package io.scimflow.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChildJvmSettingsTest {

    @AfterEach
    void clear() {
        System.clearProperty(LocalPipeline.CHILD_HEAP_PROPERTY);
        System.clearProperty(LocalPipeline.CHILD_JVM_OPTIONS_PROPERTY);
    }

    @Test
    void oneGibibyteUnlessTheSystemPropertySaysOtherwise() {
        assertThat(LocalPipeline.childHeap()).isEqualTo("1g");
        System.setProperty(LocalPipeline.CHILD_HEAP_PROPERTY, " 3072m ");
        assertThat(LocalPipeline.childHeap()).isEqualTo("3072m");
    }

    @Test
    void aValueTheJvmWouldRefuseIsRefusedWithThePropertyName() {
        System.setProperty(LocalPipeline.CHILD_HEAP_PROPERTY, "3 GB");
        assertThatThrownBy(LocalPipeline::childHeap).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scimflow.local.child-heap").hasMessageContaining("'3 GB'");
    }

    @Test
    void theC1CompilerOnlyUnlessTheSystemPropertySaysOtherwise() {
        assertThat(LocalPipeline.childJvmOptions()).containsExactly("-XX:TieredStopAtLevel=1");
        System.setProperty(LocalPipeline.CHILD_JVM_OPTIONS_PROPERTY, " ");
        assertThat(LocalPipeline.childJvmOptions()).isEmpty();
        System.setProperty(LocalPipeline.CHILD_JVM_OPTIONS_PROPERTY, "  -XX:TieredStopAtLevel=1   -Xss512k ");
        assertThat(LocalPipeline.childJvmOptions()).containsExactly("-XX:TieredStopAtLevel=1", "-Xss512k");
    }

    @Test
    void aWordThatIsNotAnOptionIsRefusedWithThePropertyName() {
        System.setProperty(LocalPipeline.CHILD_JVM_OPTIONS_PROPERTY, "-Xss512k TieredStopAtLevel=1");
        assertThatThrownBy(LocalPipeline::childJvmOptions).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scimflow.local.child-jvm-options").hasMessageContaining("'TieredStopAtLevel=1'");
    }
}
