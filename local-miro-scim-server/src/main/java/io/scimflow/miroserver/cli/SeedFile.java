package io.scimflow.miroserver.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.scimflow.miroserver.LocalMiroScimServer;
import io.scimflow.miroserver.SeedUser;

/**
 * A seed file (JSON, or YAML for {@code .yaml}/{@code .yml}): teams and accounts to
 * pre-create, as Miro teams cannot be created over SCIM.
 *
 * <pre>
 * teams: [Engineering, Sales, "All Staff"]
 * users:
 *   - userName: admin@example.com
 *     displayName: Ada Admin
 *     orgAdmin: true
 *     adminOfTeams: [Engineering]
 * </pre>
 *
 * @param teams team names to create (skipped when a team of that name exists)
 * @param users accounts to create
 */
public record SeedFile(List<String> teams, List<User> users) {

	public SeedFile {
		teams = (teams == null) ? List.of() : List.copyOf(teams);
		users = (users == null) ? List.of() : List.copyOf(users);
	}

	/**
	 * One account of a seed file; see {@link SeedUser} for the meaning of the fields.
	 */
	@JsonIgnoreProperties(ignoreUnknown = false)
	public record User(String userName, String displayName, String userType, Boolean active, boolean orgAdmin,
			boolean guest, List<String> teams, List<String> adminOfTeams) {

		SeedUser toSeedUser() {
			return new SeedUser(this.userName, this.displayName, this.userType, this.active == null || this.active,
					this.orgAdmin, this.guest, this.teams, this.adminOfTeams);
		}

	}

	public static SeedFile read(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		ObjectMapper mapper = (name.endsWith(".yaml") || name.endsWith(".yml")) ? new ObjectMapper(new YAMLFactory())
				: new ObjectMapper();
		mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		try {
			SeedFile seed = mapper.readValue(Files.readAllBytes(file), SeedFile.class);
			for (int i = 0; i < seed.users().size(); i++) {
				if (seed.users().get(i).userName() == null) {
					throw new IllegalArgumentException("Seed file " + file + ": users[" + i + "] has no userName");
				}
			}
			return seed;
		}
		catch (UnrecognizedPropertyException ex) {
			throw new IllegalArgumentException("Seed file " + file + ": unknown key '" + ex.getPropertyName()
					+ "' near line " + ex.getLocation().getLineNr() + "; known keys: " + ex.getKnownPropertyIds(), ex);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Cannot read seed file " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** Creates the teams (unless they exist) and then the users. */
	public void applyTo(LocalMiroScimServer server) {
		for (String team : this.teams) {
			if (server.teamByName(team).isEmpty()) {
				server.seedTeam(team);
			}
		}
		for (User user : this.users) {
			server.seedUser(user.toSeedUser());
		}
	}

}
