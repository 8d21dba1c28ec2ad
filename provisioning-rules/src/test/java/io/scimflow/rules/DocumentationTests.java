package io.scimflow.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.scimflow.rules.expression.FunctionCatalog;
import io.scimflow.rules.filter.FilterOperator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference pages cannot drift from the code: every function and operator is documented. */
class DocumentationTests {

	@Test
	void everyFunctionHasASectionInTheFunctionReference() throws IOException {
		String page = Files.readString(Path.of("docs/functions.md"));
		assertThat(FunctionCatalog.standard().all())
			.allSatisfy((spec) -> assertThat(page).contains("### " + spec.name() + "\n"));
	}

	@Test
	void everyOperatorIsInTheReadme() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		for (FilterOperator operator : FilterOperator.values()) {
			assertThat(readme).contains("`" + operator.entraName() + "`");
		}
	}

}
