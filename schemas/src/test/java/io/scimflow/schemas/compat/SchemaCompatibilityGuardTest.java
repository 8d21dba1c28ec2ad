package io.scimflow.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.scimflow.schemas.SampleEvents;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The build fails when a contract changes in a way that is not both backward and forward
 * compatible with its released version in {@code schemas/released/}, so old topics can
 * always be replayed by new code and old consumers survive a rolling upgrade.
 */
class SchemaCompatibilityGuardTest {

    private static final Path RELEASED = Path.of("released");

    @Test
    void everyContractIsFullyCompatibleWithItsReleasedVersion() throws IOException {
        List<SpecificRecord> contracts = SampleEvents.all();
        for (SpecificRecord contract : contracts) {
            Schema current = contract.getSchema();
            Path released = latestReleased(current.getName());
            assertThat(released).as("a released version of %s in %s", current.getName(), RELEASED.toAbsolutePath()).isNotNull();
            Schema old = new Schema.Parser().parse(released.toFile());
            assertThat(SchemaCompatibilityGuard.problems(old, current)).as("%s against %s", current.getName(), released).isEmpty();
        }
    }

    @Test
    void theGuardRejectsAFieldAddedWithoutADefault() throws IOException {
        Schema released = new Schema.Parser().parse(latestReleased("DirectoryUser").toFile());
        String changed = released.toString().replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"costCenter\",\"type\":\"string\"},");
        Schema current = new Schema.Parser().parse(changed);

        List<String> problems = SchemaCompatibilityGuard.problems(released, current);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("backward").contains("costCenter");
    }

    @Test
    void theGuardAcceptsAFieldAddedWithADefault() throws IOException {
        Schema released = new Schema.Parser().parse(latestReleased("DirectoryUser").toFile());
        String changed = released.toString().replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"costCenter\",\"type\":[\"null\",\"string\"],\"default\":null},");

        assertThat(SchemaCompatibilityGuard.problems(released, new Schema.Parser().parse(changed))).isEmpty();
    }

    @Test
    void theGuardRejectsARemovedFieldThatOldReadersNeed() throws IOException {
        Schema released = new Schema.Parser().parse(latestReleased("GroupMembership").toFile());
        String changed = released.toString().replace("{\"name\":\"present\",\"type\":\"boolean\",\"doc\":\"False records a removal (a fact too).\"},", "");
        assertThat(changed).isNotEqualTo(released.toString());

        assertThat(SchemaCompatibilityGuard.problems(released, new Schema.Parser().parse(changed)))
                .anySatisfy(p -> assertThat(p).startsWith("forward").contains("present"));
    }

    private static Path latestReleased(String name) throws IOException {
        try (Stream<Path> files = Files.list(RELEASED)) {
            return files.filter(p -> p.getFileName().toString().matches(name + "\\.v\\d+\\.avsc"))
                    .max((a, b) -> Integer.compare(version(a), version(b))).orElse(null);
        }
    }

    private static int version(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(name.lastIndexOf(".v") + 2, name.length() - ".avsc".length()));
    }
}
