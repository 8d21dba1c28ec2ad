package io.scimflow.rules.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RulesCliTests {

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private int run(String... args) {
		return RulesCli.run(args, new PrintWriter(this.out, true), new PrintWriter(this.err, true));
	}

	private static String user() {
		return Path.of("src/test/resources/users/ada.json").toString();
	}

	@Test
	@SuppressWarnings("unchecked")
	void previewPrintsTheDecisionAndBothRequests() throws Exception {
		assertThat(run("preview", "--config", "apps/miro.yaml", "--user", user())).isZero();
		Map<String, Object> json = new ObjectMapper().readValue(this.out.toString(), Map.class);
		assertThat(json.get("action")).isEqualTo("UPSERT");
		assertThat(((Map<String, Object>) json.get("scope")).get("inScope")).isEqualTo(true);
		assertThat(((Map<String, Object>) json.get("createRequest")).get("userName")).isEqualTo("ada@contoso.com");
		assertThat(json.get("updateRequest")).isNotNull();
	}

	@Test
	void exprPrintsTheValue() {
		assertThat(run("expr", "Join(\" \", [givenName], [surname])", "--attributes", user())).isZero();
		assertThat(this.out.toString().trim()).isEqualTo("\"Ada Lovelace\"");
	}

	@Test
	void exprTakesInlineAttributes() {
		assertThat(run("expr", "ToUpper([city])", "-a", "city=Oslo")).isZero();
		assertThat(this.out.toString().trim()).isEqualTo("\"OSLO\"");
	}

	@Test
	void exprShowsParseErrorsWithACaret() {
		assertThat(run("expr", "Join(\" \", [givenName], Jion([surname]))", "-a", "givenName=A")).isEqualTo(2);
		assertThat(this.err.toString())
			.contains("EXPR-1008 unknown function 'Jion' at position 24")
			.contains("Join(\" \", [givenName], Jion([surname]))\n" + " ".repeat(23) + "^^^^");
	}

	@Test
	void validateListsProblems(@TempDir Path dir) throws Exception {
		Path bad = dir.resolve("bad.yaml");
		Files.writeString(bad, "target: miro\nusers:\n  mappings:\n    - {target: userName, source: upn, matchingPrecedence: 1}\n"
				+ "    - {target: x, expression: 'Left([a]'}\n");
		assertThat(run("validate", "--config", bad.toString())).isEqualTo(2);
		assertThat(this.err.toString()).contains(bad + ":5: users.mappings[1].expression: EXPR-1007");
		assertThat(run("validate", "--config", "classpath:apps/miro.yaml")).isZero();
		assertThat(this.out.toString()).contains("classpath:apps/miro.yaml: OK (target miro");
	}

}
