package io.scimflow.miroserver.groups;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.scimflow.miroserver.GroupModel;
import io.scimflow.miroserver.MiroServerSettings;
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
 * /Groups as Miro teams (reference 3.1) or, with {@link GroupModel#USER_GROUPS}, as user
 * groups that can also be created and deleted (3.2). Thread-safe; a PATCH locks only its team.
 */
public final class GroupEndpoint {

	private final Organization org;

	private final Supplier<MiroServerSettings> settings;

	private final Supplier<String> baseUrl;

	public GroupEndpoint(Organization org, Supplier<MiroServerSettings> settings, Supplier<String> baseUrl) {
		this.org = org;
		this.settings = settings;
		this.baseUrl = baseUrl;
	}

	public ObjectNode get(String id, Projection projection) {
		return render(require(id), projection);
	}

	public ObjectNode list(ListQuery query) {
		CaseInsensitiveFilter filter = query.filter();
		if (filter != null && filter.mentions("members")) {
			throw ScimError.badRequest("invalidFilter", "Filtering groups on members is not supported");
		}
		List<Team> matched = new ArrayList<>();
		List<ObjectNode> keys = new ArrayList<>();
		for (Team team : this.org.teams()) {
			ObjectNode head = head(team);
			if (filter == null || filter.matches(head)) {
				matched.add(team);
				keys.add(head);
			}
		}
		List<Team> ordered = matched;
		if (query.sortBy() != null) {
			List<Integer> order = new ArrayList<>();
			for (int i = 0; i < matched.size(); i++) {
				order.add(i);
			}
			var comparator = Sorting.by(query.sortBy(), query.descending());
			order.sort((a, b) -> comparator.compare(keys.get(a), keys.get(b)));
			ordered = order.stream().map(matched::get).toList();
		}
		ObjectNode list = ScimJson.listResponse(ordered.size());
		if (query.count() == 0) {
			return list;
		}
		int from = Math.min(query.startIndex() - 1, ordered.size());
		int to = Math.min(from + query.count(), ordered.size());
		list.put("itemsPerPage", to - from);
		list.put("startIndex", query.startIndex());
		ArrayNode resources = list.putArray("Resources");
		for (Team team : ordered.subList(from, to)) {
			resources.add(render(team, query.projection()));
		}
		return list;
	}

	public ObjectNode patch(String id, ObjectNode body, int bodyBytes, Projection projection) {
		PatchBody patch = PatchBody.parse(body);
		MiroServerSettings config = this.settings.get();
		int named = GroupPatch.memberValueCount(patch);
		if (named > config.maxGroupPatchMembers()) {
			throw ScimError.payloadTooLarge("A group PATCH may name at most " + config.maxGroupPatchMembers()
					+ " members; this one names " + named);
		}
		Team team = require(id);
		synchronized (team) {
			GroupPatch result = GroupPatch.apply(team.displayName(), team.memberSet(), patch);
			checkMembersExist(result);
			if (config.groupModel() == GroupModel.TEAMS) {
				checkLastAdmin(team, result);
			}
			for (String userId : result.added) {
				admit(userId);
			}
			team.commit(result.displayName, result.members);
		}
		return render(team, projection);
	}

	/** Unknown ids fail the whole request with Miro's "No valid resources" 404. */
	private void checkMembersExist(GroupPatch result) {
		List<String> unknown = new ArrayList<>();
		for (String userId : new LinkedHashSet<>(concat(result.added, result.removed))) {
			if (this.org.user(userId) == null && this.org.deletedUser(userId) == null) {
				unknown.add("{memberId=" + userId + ", display=null}");
			}
		}
		if (!unknown.isEmpty()) {
			throw ScimError.notFound("No valid resources: " + unknown);
		}
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private static void checkLastAdmin(Team team, GroupPatch result) {
		List<String> admins = team.admins();
		if (!admins.isEmpty() && admins.stream().noneMatch(result.members::contains)) {
			throw ScimError.conflict("Cannot remove the last admin of team '" + team.displayName() + "'");
		}
	}

	/**
	 * Adding to a team reactivates a deactivated user, recreates a deleted one and promotes a
	 * guest to a Full member (reference 3.1).
	 */
	private void admit(String userId) {
		StoredUser user = this.org.user(userId);
		if (user == null) {
			StoredUser deleted = this.org.deletedUser(userId);
			ObjectNode resource = deleted.resource().deepCopy();
			resource.put("active", true);
			if (this.org.restoreUser(userId, resource) == null) {
				throw ScimError.conflict("Cannot recreate user " + userId + ": its userName is taken");
			}
			return;
		}
		synchronized (user) {
			ObjectNode resource = user.resource();
			if (user.guest()) {
				ObjectNode promoted = resource.deepCopy();
				promoted.put("userType", "Full");
				promoted.put("active", true);
				ArrayNode roles = promoted.putArray("roles");
				ObjectNode role = roles.addObject();
				role.put("value", StoredUser.MEMBER_ROLE);
				role.put("display", "Member");
				role.put("type", "organization_user_role");
				role.put("primary", true);
				user.resource(promoted);
				user.guest(false);
			}
			else if (!user.active()) {
				ObjectNode reactivated = resource.deepCopy();
				reactivated.put("active", true);
				user.resource(reactivated);
			}
		}
	}

	public ObjectNode create(ObjectNode body) {
		if (this.settings.get().groupModel() != GroupModel.USER_GROUPS) {
			throw ScimError.methodNotAllowed("Creating groups is not supported: Miro teams are created outside SCIM");
		}
		String name = ScimJson.text(ScimJson.getIgnoreCase(body, "displayName"));
		if (name == null || name.isBlank()) {
			throw ScimError.invalidValue("Attribute 'displayName' is required");
		}
		if (this.org.teamByName(name).isPresent()) {
			throw new ScimError(409, "uniqueness", "Group '" + name + "' already exists");
		}
		List<String> memberIds = new ArrayList<>();
		JsonNode members = ScimJson.getIgnoreCase(body, "members");
		if (members != null && members.isArray()) {
			for (JsonNode member : members) {
				String id = ScimJson.text(ScimJson.getIgnoreCase(member, "value"));
				if (id == null || this.org.visibleUser(id) == null) {
					throw ScimError.notFound("No valid resources: [{memberId=" + id + ", display=null}]");
				}
				memberIds.add(id);
			}
		}
		Team team = this.org.addTeam(name);
		memberIds.forEach(team::addMember);
		return render(team, Projection.all());
	}

	public void delete(String id) {
		if (this.settings.get().groupModel() != GroupModel.USER_GROUPS) {
			throw ScimError.methodNotAllowed("Deleting groups is not supported: Miro teams are deleted outside SCIM");
		}
		this.org.removeTeam(require(id));
	}

	private Team require(String id) {
		Team team = this.org.team(id);
		if (team == null) {
			throw ScimError.notFound("Group " + id + " not found");
		}
		return team;
	}

	private ObjectNode head(Team team) {
		ObjectNode out = ScimJson.object();
		out.putArray("schemas").add(ScimJson.GROUP_SCHEMA);
		out.put("id", team.id());
		out.put("displayName", team.displayName());
		ObjectNode meta = out.putObject("meta");
		meta.put("resourceType", "Group");
		meta.put("location", this.baseUrl.get() + "/Groups/" + team.id());
		return out;
	}

	/** Members are listed only when asked for; guests are never listed. */
	public ObjectNode render(Team team, Projection projection) {
		ObjectNode out = head(team);
		if (projection.includes("members")) {
			ArrayNode members = ScimJson.array();
			for (String userId : team.members()) {
				StoredUser user = this.org.user(userId);
				if (user == null || user.guest()) {
					continue;
				}
				ObjectNode member = members.addObject();
				member.put("value", userId);
				member.put("display", user.resource().path("displayName").asText());
				member.put("type", "User");
			}
			out.set("members", members);
		}
		return projection.apply(out);
	}

}
