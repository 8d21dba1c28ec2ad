package io.scimflow.miroserver.org;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Miro team (or user group in the newer model): a name, members in the order they joined,
 * and the team admins that the last-admin rule protects. Thread-safe: every access locks the team,
 * so member changes of one team never block another team.
 */
public final class Team {

	private final String id;

	private final long seq;

	private String displayName;

	private LinkedHashSet<String> members = new LinkedHashSet<>();

	private final Set<String> admins = new LinkedHashSet<>();

	Team(String id, long seq, String displayName) {
		this.id = id;
		this.seq = seq;
		this.displayName = displayName;
	}

	public String id() {
		return this.id;
	}

	long seq() {
		return this.seq;
	}

	public synchronized String displayName() {
		return this.displayName;
	}

	public synchronized List<String> members() {
		return new ArrayList<>(this.members);
	}

	public synchronized int memberCount() {
		return this.members.size();
	}

	public synchronized boolean hasMember(String userId) {
		return this.members.contains(userId);
	}

	public synchronized List<String> admins() {
		return new ArrayList<>(this.admins);
	}

	public synchronized void addMember(String userId) {
		this.members.add(userId);
	}

	public synchronized void addAdmin(String userId) {
		this.members.add(userId);
		this.admins.add(userId);
	}

	public synchronized void removeMember(String userId) {
		this.members.remove(userId);
		this.admins.remove(userId);
	}

	/** True if {@code userId} is this team's only admin. */
	public synchronized boolean isLastAdmin(String userId) {
		return this.admins.size() == 1 && this.admins.contains(userId);
	}

	/** Replaces name and members at once (the end of an all-or-nothing PATCH). Caller holds the lock. */
	public synchronized void commit(String newName, LinkedHashSet<String> newMembers) {
		this.displayName = newName;
		this.members = newMembers;
		this.admins.retainAll(newMembers);
	}

	/** A copy of the members, for a PATCH to work on while holding the lock. */
	public synchronized LinkedHashSet<String> memberSet() {
		return new LinkedHashSet<>(this.members);
	}

}
