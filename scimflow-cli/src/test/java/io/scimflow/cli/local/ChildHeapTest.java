package io.scimflow.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChildHeapTest {

    @AfterEach
    void clear() {
        System.clearProperty(LocalPipeline.CHILD_HEAP_PROPERTY);
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
}
