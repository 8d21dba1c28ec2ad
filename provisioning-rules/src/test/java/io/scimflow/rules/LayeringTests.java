package io.scimflow.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules core stays plain Java: no framework imports, and the language packages do not
 * reach up into mapping, config or decisions.
 */
class LayeringTests {

	private static final Path MAIN = Path.of("src/main/java/io/scimflow/rules");

	@Test
	void noFrameworkInTheRules() throws IOException {
		assertThat(importsIn(MAIN)).noneMatch((line) -> line.startsWith("import org.springframework")
				|| line.startsWith("import org.apache.kafka") || line.startsWith("import org.apache.avro")
				|| line.startsWith("import com.unboundid"));
	}

	@Test
	void lowerPackagesDoNotImportHigherOnes() throws IOException {
		for (String lower : List.of("source", "filter", "expression")) {
			assertThat(importsIn(MAIN.resolve(lower))).as(lower)
				.noneMatch((line) -> line.matches("import io\\.scimflow\\.rules\\.(mapping|config|decision|preview|cli|scope)\\..*"));
		}
		assertThat(importsIn(MAIN.resolve("mapping")))
			.noneMatch((line) -> line.matches("import io\\.scimflow\\.rules\\.(config|decision|preview|cli)\\..*"));
	}

	@Test
	void noCaseFoldingWithoutALocale() throws IOException {
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				assertThat(Files.readString(file)).as(file.toString()).doesNotContain("toLowerCase()")
					.doesNotContain("toUpperCase()");
			}
		}
	}

	private static List<String> importsIn(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter((f) -> f.toString().endsWith(".java")).flatMap((f) -> {
				try {
					return Files.readAllLines(f).stream().filter((l) -> l.startsWith("import "));
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).toList();
		}
	}

}
