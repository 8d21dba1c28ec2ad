package io.scimflow.miroserver.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import io.scimflow.miroserver.GroupModel;
import io.scimflow.miroserver.LocalMiroScimServer;
import io.scimflow.miroserver.MiroServerSettings;
import io.scimflow.miroserver.UserSnapshot;

class LocalMiroScimServerCommandTests {

	static LocalMiroScimServerCommand parse(String... args) {
		LocalMiroScimServerCommand command = new LocalMiroScimServerCommand();
		new CommandLine(command).parseArgs(args);
		return command;
	}

	@Test
	void everyFlagMapsToItsSetting() {
		MiroServerSettings settings = parse("--host", "0.0.0.0", "--port", "9000", "--group-model", "USER_GROUPS",
				"--scim-disabled", "--no-rate-limits", "--rate-limit-scale", "10", "--rate-limit-window", "5s",
				"--retry-after", "--latency", "25ms", "--failure-rate", "0.1", "--timeout-rate", "0.2", "--timeout-delay",
				"PT2S", "--duplicate-status", "400", "--frozen-field-status", "400", "--threads", "8",
				"--default-page-size", "50", "--max-page-size", "500", "--max-payload-bytes", "1000",
				"--max-group-patch-members", "10", "--cheap-group-patch-bytes", "300", "--no-journal",
				"--no-journal-bodies", "--default-team", "All Staff", "--default-user-type", "Free",
				"--allowed-domains", "a.com,b.com", "--full-license-limit", "3", "--block-admin-deactivation",
				"--miro-405-body")
			.settings("t");
		assertThat(settings).isEqualTo(new MiroServerSettings("0.0.0.0", 9000, "t", GroupModel.USER_GROUPS, false, false,
				10, Duration.ofSeconds(5), true, Duration.ofMillis(25), 0.1, 0.2, Duration.ofSeconds(2), 400, 400, 8, 50,
				500, 1000, 10, 300, false, false, "All Staff", "Free", List.of("a.com", "b.com"), 3, true, true));
	}

	@Test
	void defaultsMatchTheJavaDefaultsExceptThePort() {
		MiroServerSettings settings = parse().settings(MiroServerSettings.DEFAULT_TOKEN);
		assertThat(settings).isEqualTo(MiroServerSettings.builder().port(8089).build());
	}

	@Test
	void tokenComesFromFileThenEnvironmentThenDefaultAndIsNeverDescribed(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("token");
		Files.writeString(file, "  from-file-token \nsecond line\n");
		var fromFile = parse("--token-file", file.toString()).token("from-env");
		assertThat(fromFile.token()).isEqualTo("from-file-token");
		assertThat(fromFile.description()).doesNotContain("from-file-token");
		var fromEnv = parse().token("from-env");
		assertThat(fromEnv.token()).isEqualTo("from-env");
		assertThat(fromEnv.description()).isEqualTo("from MIRO_SCIM_TOKEN");
		assertThat(parse().token(null).token()).isEqualTo(MiroServerSettings.DEFAULT_TOKEN);
		Files.writeString(file, "\n");
		assertThatThrownBy(() -> parse("--token-file", file.toString()).token(null)).hasMessageContaining(file.toString());
	}

	@Test
	void invalidSettingsExitWithOneClearLine() {
		CommandLine commandLine = LocalMiroScimServerCommand.commandLine();
		java.io.StringWriter err = new java.io.StringWriter();
		commandLine.setErr(new java.io.PrintWriter(err));
		int exit = commandLine.execute("--duplicate-status", "418");
		assertThat(exit).isEqualTo(2);
		assertThat(err.toString().strip()).isEqualTo(
				"local-miro-scim-server: Invalid value 418 for setting duplicateCreateStatus: must be 409 or 400");
	}

	@Test
	void durationsAcceptUnitsAndIso() {
		var converter = new LocalMiroScimServerCommand.DurationConverter();
		assertThat(converter.convert("250ms")).isEqualTo(Duration.ofMillis(250));
		assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
		assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
		assertThat(converter.convert("PT1H")).isEqualTo(Duration.ofHours(1));
		assertThatThrownBy(() -> converter.convert("30x")).hasMessageContaining("30x");
	}

	@Test
	void theSampleSeedFileCreatesARealisticOrg() {
		SeedFile seed = SeedFile.read(Path.of("seed/sample-org.yaml"));
		try (LocalMiroScimServer server = LocalMiroScimServer.start()) {
			seed.applyTo(server);
			assertThat(server.teams()).extracting((t) -> t.displayName())
				.containsExactly("All Staff", "Engineering", "Sales", "Marketing", "Support", "Design", "Finance");
			assertThat(server.users()).extracting(UserSnapshot::userName)
				.containsExactly("it.admin@example.com", "contractor@example.com", "partner@partner.example.org");
			assertThat(server.userByUserName("partner@partner.example.org").orElseThrow().guest()).isTrue();
			assertThat(server.teamByName("Engineering").orElseThrow().adminIds()).hasSize(1);
		}
	}

	@Test
	void jsonSeedFilesWorkAndUnknownKeysAreNamedWithTheirLine(@TempDir Path dir) throws IOException {
		Path json = dir.resolve("seed.json");
		Files.writeString(json, "{\"teams\":[\"A\"],\"users\":[{\"userName\":\"x@example.com\",\"teams\":[\"A\"]}]}");
		SeedFile seed = SeedFile.read(json);
		assertThat(seed.teams()).containsExactly("A");
		assertThat(seed.users().get(0).teams()).containsExactly("A");
		Path bad = dir.resolve("bad.yaml");
		Files.writeString(bad, "teams: [A]\nusers:\n  - userName: x@example.com\n    admin: true\n");
		assertThatThrownBy(() -> SeedFile.read(bad)).hasMessageContaining("bad.yaml")
			.hasMessageContaining("'admin'")
			.hasMessageContaining("near line");
		Path noName = dir.resolve("noname.yaml");
		Files.writeString(noName, "users:\n  - displayName: X\n");
		assertThatThrownBy(() -> SeedFile.read(noName)).hasMessageContaining("users[0] has no userName");
	}

}
