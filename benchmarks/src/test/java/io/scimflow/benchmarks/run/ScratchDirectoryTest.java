package io.scimflow.benchmarks.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ScratchDirectoryTest {

    @Test
    void closingRemovesTheDirectoryWithItsFilesAndSubdirectories() throws Exception {
        Path path;
        try (ScratchDirectory scratch = ScratchDirectory.create()) {
            path = scratch.path();
            Files.writeString(scratch.resolve("directory.yaml"), "users: []\n");
            Files.createDirectories(scratch.resolve("aside/nested"));
            Files.writeString(scratch.resolve("aside/nested/directory.yaml.tmp"), "groups: []\n");
            assertThat(path).isDirectory().isDirectoryContaining("glob:**/directory.yaml");
        }

        assertThat(path).doesNotExist();
    }

    @Test
    void closingTwiceOrAfterTheDirectoryIsGoneIsHarmless() throws Exception {
        ScratchDirectory scratch = ScratchDirectory.create();
        Files.delete(scratch.path());

        scratch.close();
        scratch.close();

        assertThat(scratch.path()).doesNotExist();
    }
}
