package io.scimflow.miroserver.users;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;

import io.scimflow.miroserver.MiroServerSettings;
import io.scimflow.miroserver.SeedUser;
import io.scimflow.miroserver.org.Organization;
import io.scimflow.miroserver.org.StoredUser;
import io.scimflow.miroserver.org.Team;
import io.scimflow.miroserver.scim.CaseInsensitiveFilter;
import io.scimflow.miroserver.scim.ListQuery;
import io.scimflow.miroserver.scim.PatchBody;
import io.scimflow.miroserver.scim.Projection;
import io.scimflow.miroserver.scim.ScimError;
import io.scimflow.miroserver.scim.ScimJson;
import io.scimflow.miroserver.scim.Sorting;

/**
 * /Users with Miro's rules (reference 2.2–2.6, 5): create, get, list, replace, patch,
 * delete, plus seeding of accounts that did not come through SCIM. Thread-safe.
 */
public final class UserEndpoint {

	private static final String FULL = "Full";

	private final Organization org;

	private final Supplier<MiroServerSettings> settings;

	private final Supplier<String> baseUrl;

	public UserEndpoint(Organization org, Supplier<MiroServerSettings> settings, Supplier<String> baseUrl) {
		this.org = org;
		this.settings = settings;
		this.baseUrl = baseUrl;
	}

	// ---- create

	public ObjectNode create(ObjectNode body) {
		MiroServerSettings config = this.settings.get();
		ObjectNode normalized = UserRules.normalize(body);
		String id = this.org.newUserId();
		String defaultType = config.defaultUserType();
		boolean explicitType = normalized.hasNonNull("userType");
		ObjectNode resource = UserRules.complete(id, normalized, null, defaultType);
		checkDomain(resource.path("userName").asText(), config);
		if (FULL.equals(resource.path("userType").asText()) && resource.path("active").asBoolean()
				&& fullLicensesExhausted(config)) {
			if (explicitType) {
				throw ScimError.conflict("Full users limit reached for organization");
			}
			resource.put("userType", "Free Restricted");
		}
		String userName = resource.path("userName").asText();
		if (!this.org.claimUserName(userName, id)) {
			throw duplicate(userName, config);
		}
		StoredUser user = this.org.addUser(id, resource, false);
		if (config.defaultTeam() != null) {
			this.org.teamByName(config.defaultTeam()).ifPresent((team) -> team.addMember(id));
		}
		return render(user);
	}

	/** Creates an account directly (not through SCIM), e.g. an unlinked account or a guest. */
	public String seed(SeedUser seed) {
		ObjectNode body = ScimJson.object();
		body.put("userName", seed.userName());
		if (seed.displayName() != null) {
			body.put("displayName", seed.displayName());
		}
		if (seed.userType() != null) {
			body.put("userType", seed.userType());
		}
		body.put("active", seed.active());
		ObjectNode role = body.putArray("roles").addObject();
		role.put("value", seed.orgAdmin() ? StoredUser.ADMIN_ROLE : StoredUser.MEMBER_ROLE);
		role.put("type", "organization_user_role");
		String id = this.org.newUserId();
		ObjectNode resource = UserRules.complete(id, UserRules.normalize(body), null,
				this.settings.get().defaultUserType());
		if (!this.org.claimUserName(resource.path("userName").asText(), id)) {
			throw new IllegalArgumentException("Cannot seed user " + seed.userName() + ": userName already exists");
		}
		this.org.addUser(id, resource, seed.guest());
		for (String team : seed.teams()) {
			resolveTeam(team).addMember(id);
		}
		for (String team : seed.adminOfTeams()) {
			resolveTeam(team).addAdmin(id);
		}
		return id;
	}

	private Team resolveTeam(String idOrName) {
		Team team = this.org.team(idOrName);
		if (team == null) {
			team = this.org.teamByName(idOrName)
				.orElseThrow(() -> new IllegalArgumentException("Cannot seed user: no team with id or name " + idOrName));
		}
		return team;
	}

	// ---- read

	public ObjectNode get(String id, Projection projection) {
		return projection.apply(render(require(id)));
	}

	public ObjectNode list(ListQuery query) {
		if (query.filter() == null && query.sortBy() == null) {
			return listAll(query);
		}
		List<ObjectNode> matched = new ArrayList<>();
		CaseInsensitiveFilter filter = query.filter();
		boolean needsFullView = filter != null && (filter.mentions("groups") || filter.mentions("meta")
				|| filter.mentions("name") || filter.mentions("id"));
		for (StoredUser user : candidates(filter)) {
			if (user.guest()) {
				continue;
			}
			// Scans evaluate the stored resource; the full rendering is built only when needed.
			boolean selected = (filter == null) || (needsFullView ? filter.matches(render(user))
					: filter.matchesLowered(CaseInsensitiveFilter.lowerKeys(user.resource())));
			if (selected) {
				matched.add(render(user));
			}
		}
		if (query.sortBy() != null) {
			matched.sort(Sorting.by(query.sortBy(), query.descending()));
		}
		ObjectNode list = ScimJson.listResponse(matched.size());
		if (query.count() == 0) {
			return list;
		}
		int from = Math.min(query.startIndex() - 1, matched.size());
		int to = Math.min(from + query.count(), matched.size());
		list.put("itemsPerPage", to - from);
		list.put("startIndex", query.startIndex());
		ArrayNode resources = list.putArray("Resources");
		for (ObjectNode user : matched.subList(from, to)) {
			resources.add(query.projection().apply(user));
		}
		return list;
	}

	/** Without filter or sort only the requested page is rendered. */
	private ObjectNode listAll(ListQuery query) {
		List<StoredUser> page = new ArrayList<>();
		int total = 0;
		int from = query.startIndex() - 1;
		for (StoredUser user : this.org.users()) {
			if (user.guest()) {
				continue;
			}
			if (total >= from && page.size() < query.count()) {
				page.add(user);
			}
			total++;
		}
		ObjectNode list = ScimJson.listResponse(total);
		if (query.count() == 0) {
			return list;
		}
		list.put("itemsPerPage", page.size());
		list.put("startIndex", query.startIndex());
		ArrayNode resources = list.putArray("Resources");
		for (StoredUser user : page) {
			resources.add(query.projection().apply(render(user)));
		}
		return list;
	}

	/** {@code userName eq "x"} and {@code id eq "x"} (alone or in an and) use the indexes. */
	private Collection<StoredUser> candidates(CaseInsensitiveFilter filter) {
		if (filter == null) {
			return this.org.users();
		}
		Filter indexed = indexedTerm(filter.filter());
		if (indexed == null) {
			return this.org.users();
		}
		String attribute = indexed.getAttributePath().getElement(0).getAttribute();
		String value = indexed.getComparisonValue().asText();
		StoredUser user = "id".equalsIgnoreCase(attribute) ? this.org.user(value) : this.org.userByUserName(value);
		return (user == null) ? List.of() : List.of(user);
	}

	private static Filter indexedTerm(Filter filter) {
		if (filter.getFilterType() == FilterType.AND) {
			for (Filter part : filter.getCombinedFilters()) {
				Filter term = indexedTerm(part);
				if (term != null) {
					return term;
				}
			}
			return null;
		}
		if (filter.getFilterType() != FilterType.EQUAL || filter.getAttributePath().size() != 1) {
			return null;
		}
		String schema = filter.getAttributePath().getSchemaUrn();
		if (schema != null && !schema.equalsIgnoreCase(ScimJson.USER_SCHEMA)) {
			return null;
		}
		String attribute = filter.getAttributePath().getElement(0).getAttribute();
		boolean indexedAttribute = "userName".equalsIgnoreCase(attribute) || "id".equalsIgnoreCase(attribute);
		return (indexedAttribute && filter.getComparisonValue() != null
				&& filter.getComparisonValue().isTextual()) ? filter : null;
	}

	// ---- update

	public ObjectNode replace(String id, ObjectNode body, Projection projection) {
		StoredUser user = require(id);
		synchronized (user) {
			ObjectNode previous = user.resource();
			ObjectNode next = UserRules.complete(id, UserRules.normalize(body), previous,
					this.settings.get().defaultUserType());
			store(user, previous, next);
		}
		return projection.apply(render(user));
	}

	public ObjectNode patch(String id, ObjectNode body, Projection projection) {
		PatchBody patch = PatchBody.parse(body);
		StoredUser user = require(id);
		synchronized (user) {
			ObjectNode previous = user.resource();
			ObjectNode patched = UserPatcher.apply(previous, patch);
			ObjectNode next = UserRules.complete(id, UserRules.normalize(patched), previous,
					this.settings.get().defaultUserType());
			store(user, previous, next);
		}
		return projection.apply(render(user));
	}

	/** Checks the transition rules, then swaps the resource (caller holds the user's lock). */
	private void store(StoredUser user, ObjectNode previous, ObjectNode next) {
		MiroServerSettings config = this.settings.get();
		boolean wasActive = previous.path("active").asBoolean(true);
		boolean staysInactive = !wasActive && !next.path("active").asBoolean(true);
		String oldName = previous.path("userName").asText();
		String newName = next.path("userName").asText();
		boolean renamed = !oldName.equalsIgnoreCase(newName);
		String oldType = previous.path("userType").asText();
		String newType = next.path("userType").asText();
		if (staysInactive) {
			if (!oldName.equals(newName)) {
				throw ScimError.conflict("Cannot update the email of an inactive user; reactivate the user first");
			}
			if (!oldType.equals(newType)) {
				throw new ScimError(config.frozenFieldStatus(), null,
						"Cannot change userType of a deactivated user; reactivate the user first");
			}
			if (!roleValues(previous).equals(roleValues(next))) {
				throw new ScimError(config.frozenFieldStatus(), null,
						"Cannot change roles of a deactivated user; reactivate the user first");
			}
		}
		if (!oldType.equals(newType)) {
			if (!FULL.equals(newType)) {
				throw ScimError.invalidValue(
						"userType can only be upgraded to Full via SCIM ('" + oldType + "' -> '" + newType + "')");
			}
			if (next.path("active").asBoolean(true) && fullLicensesExhausted(config)) {
				throw ScimError.conflict("Full users limit reached for organization");
			}
		}
		if (wasActive && !next.path("active").asBoolean(true) && config.blockAdminDeactivation()
				&& StoredUser.ADMIN_ROLE.equals(StoredUser.primaryRole(previous))) {
			throw ScimError.conflict("Cannot deactivate a Company Admin; revoke the admin role first");
		}
		if (renamed) {
			checkDomain(newName, config);
			if (!this.org.claimUserName(newName, user.id())) {
				throw duplicate(newName, config);
			}
		}
		user.resource(next);
		if (renamed) {
			this.org.releaseUserName(oldName, user.id());
		}
	}

	private static List<String> roleValues(JsonNode resource) {
		List<String> values = new ArrayList<>();
		resource.path("roles").forEach((r) -> values.add(r.path("value").asText()));
		return values;
	}

	// ---- delete

	/**
	 * Deletes without taking the user's lock: a Group PATCH locks team then user, so taking
	 * user then team here could deadlock. The removal itself is atomic.
	 */
	public void delete(String id) {
		StoredUser user = require(id);
		if (user.isOrgAdmin() && activeOrgAdmins() <= 1) {
			throw ScimError.conflict("User " + user.userName() + " is the last admin of the organization");
		}
		for (Team team : this.org.teamsOf(id)) {
			if (team.isLastAdmin(id)) {
				throw ScimError
					.conflict("User " + user.userName() + " is the last admin of team '" + team.displayName() + "'");
			}
		}
		if (!this.org.removeUser(user)) {
			throw ScimError.notFound("User " + id + " not found");
		}
	}

	private long activeOrgAdmins() {
		return this.org.users().stream().filter((u) -> !u.guest() && u.active() && u.isOrgAdmin()).count();
	}

	// ---- helpers

	private StoredUser require(String id) {
		StoredUser user = this.org.visibleUser(id);
		if (user == null) {
			throw ScimError.notFound("User " + id + " not found");
		}
		return user;
	}

	/** The resource as Miro returns it: stored attributes plus derived name, groups and meta. */
	public ObjectNode render(StoredUser user) {
		ObjectNode stored = user.resource();
		ObjectNode out = stored.deepCopy();
		if (!out.has("name")) {
			String full = out.path("displayName").asText();
			int space = full.indexOf(' ');
			ObjectNode name = ScimJson.object();
			name.put("givenName", (space < 0) ? full : full.substring(0, space));
			name.put("familyName", (space < 0) ? "" : full.substring(space + 1));
			out.set("name", name);
		}
		ArrayNode groups = out.putArray("groups");
		for (Team team : this.org.teamsOf(user.id())) {
			ObjectNode group = groups.addObject();
			group.put("value", team.id());
			group.put("display", team.displayName());
		}
		ObjectNode meta = out.putObject("meta");
		meta.put("resourceType", "User");
		meta.put("location", this.baseUrl.get() + "/Users/" + user.id());
		return out;
	}

	private boolean fullLicensesExhausted(MiroServerSettings config) {
		if (config.fullLicenseLimit() <= 0) {
			return false;
		}
		long full = this.org.users()
			.stream()
			.filter((u) -> !u.guest() && u.active() && FULL.equals(u.userType()))
			.count();
		return full >= config.fullLicenseLimit();
	}

	private static void checkDomain(String userName, MiroServerSettings config) {
		if (config.allowedDomains().isEmpty()) {
			return;
		}
		String domain = ScimJson.lower(userName.substring(userName.indexOf('@') + 1));
		if (!config.allowedDomains().contains(domain)) {
			throw ScimError.conflict(userName + " is not whitelisted");
		}
	}

	private static ScimError duplicate(String userName, MiroServerSettings config) {
		if (config.duplicateCreateStatus() == 400) {
			return ScimError.invalidValue("User name '" + userName + "' is invalid: 'not unique'");
		}
		return new ScimError(409, "uniqueness", userName + " is not unique");
	}

}
