package io.scimflow.miroserver.org;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.scimflow.miroserver.scim.ScimJson;

/**
 * The state of the simulated Miro organisation: accounts and teams, with O(1) indexes by id
 * and by lower-cased userName. Thread-safe without a global lock: the maps are concurrent,
 * a userName is claimed atomically, and each user and each team locks only itself.
 */
public final class Organization {

	private static final long FIRST_USER_ID = 3074457345618258000L;

	private static final long FIRST_TEAM_ID = 3458764575358774000L;

	private final ConcurrentHashMap<String, StoredUser> users = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, String> idByUserName = new ConcurrentHashMap<>();

	private final ConcurrentSkipListMap<Long, StoredUser> usersInOrder = new ConcurrentSkipListMap<>();

	private final ConcurrentHashMap<String, StoredUser> deletedUsers = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, Team> teams = new ConcurrentHashMap<>();

	private final ConcurrentSkipListMap<Long, Team> teamsInOrder = new ConcurrentSkipListMap<>();

	private final AtomicLong nextUserId = new AtomicLong(FIRST_USER_ID);

	private final AtomicLong nextTeamId = new AtomicLong(FIRST_TEAM_ID);

	private final AtomicLong nextSeq = new AtomicLong();

	// ---- users

	/** Any account with this id, guests included; null if none. */
	public StoredUser user(String id) {
		return (id == null) ? null : this.users.get(id);
	}

	/** A member or admin with this id (guests are invisible); null if none. */
	public StoredUser visibleUser(String id) {
		StoredUser user = user(id);
		return (user == null || user.guest()) ? null : user;
	}

	/** The account with this userName, compared without case; null if none. */
	public StoredUser userByUserName(String userName) {
		String id = this.idByUserName.get(ScimJson.lower(userName));
		return (id == null) ? null : this.users.get(id);
	}

	/** Reserves a userName for an id; false if another account already has it. */
	public boolean claimUserName(String userName, String id) {
		String holder = this.idByUserName.putIfAbsent(ScimJson.lower(userName), id);
		return holder == null || holder.equals(id);
	}

	public void releaseUserName(String userName, String id) {
		this.idByUserName.remove(ScimJson.lower(userName), id);
	}

	public String newUserId() {
		return Long.toString(this.nextUserId.incrementAndGet());
	}

	/** Stores a new account whose userName was claimed with {@link #claimUserName}. */
	public StoredUser addUser(String id, ObjectNode resource, boolean guest) {
		StoredUser user = new StoredUser(id, this.nextSeq.incrementAndGet(), resource, guest);
		this.users.put(id, user);
		this.usersInOrder.put(user.seq(), user);
		return user;
	}

	/** Removes an account, keeping a tombstone so a Group PATCH add can recreate it (reference 3.1). */
	public boolean removeUser(StoredUser user) {
		if (!this.users.remove(user.id(), user)) {
			return false;
		}
		this.usersInOrder.remove(user.seq());
		releaseUserName(user.userName(), user.id());
		this.deletedUsers.put(user.id(), user);
		for (Team team : teams()) {
			team.removeMember(user.id());
		}
		return true;
	}

	/** Brings back a deleted account under its old id; null if its userName was taken meanwhile. */
	public StoredUser restoreUser(String id, ObjectNode resource) {
		StoredUser old = this.deletedUsers.get(id);
		if (old == null || !claimUserName(resource.path("userName").asText(), id)) {
			return null;
		}
		this.deletedUsers.remove(id);
		StoredUser user = new StoredUser(id, old.seq(), resource, false);
		this.users.put(id, user);
		this.usersInOrder.put(user.seq(), user);
		return user;
	}

	public StoredUser deletedUser(String id) {
		return (id == null) ? null : this.deletedUsers.get(id);
	}

	/** All accounts, guests included, in creation order (a live view). */
	public Collection<StoredUser> users() {
		return this.usersInOrder.values();
	}

	// ---- teams

	public Team addTeam(String displayName) {
		Team team = new Team(Long.toString(this.nextTeamId.incrementAndGet()), this.nextSeq.incrementAndGet(),
				displayName);
		this.teams.put(team.id(), team);
		this.teamsInOrder.put(team.seq(), team);
		return team;
	}

	public void removeTeam(Team team) {
		this.teams.remove(team.id());
		this.teamsInOrder.remove(team.seq());
	}

	public Team team(String id) {
		return (id == null) ? null : this.teams.get(id);
	}

	public Optional<Team> teamByName(String displayName) {
		return teams().stream().filter((t) -> t.displayName().equals(displayName)).findFirst();
	}

	/** All teams in creation order (a live view). */
	public Collection<Team> teams() {
		return this.teamsInOrder.values();
	}

	public List<Team> teamsOf(String userId) {
		List<Team> result = new ArrayList<>();
		for (Team team : teams()) {
			if (team.hasMember(userId)) {
				result.add(team);
			}
		}
		return result;
	}

	public void clear() {
		this.users.clear();
		this.idByUserName.clear();
		this.usersInOrder.clear();
		this.deletedUsers.clear();
		this.teams.clear();
		this.teamsInOrder.clear();
	}

}
