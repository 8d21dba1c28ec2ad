package io.scimflow.rules.decision;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.random.RandomGenerator;

import io.scimflow.rules.config.AppConfig;
import io.scimflow.rules.expression.Values;
import io.scimflow.rules.mapping.MappedObject;
import io.scimflow.rules.mapping.MappingEvaluator;
import io.scimflow.rules.mapping.ObjectActions;
import io.scimflow.rules.mapping.ObjectMapping;
import io.scimflow.rules.mapping.SourceEvaluationContext;
import io.scimflow.rules.scope.OutOfScopeAction;
import io.scimflow.rules.scope.ScopeDecision;
import io.scimflow.rules.scope.ScopeEvaluator;
import io.scimflow.rules.source.Lifecycle;
import io.scimflow.rules.source.MembershipFact;
import io.scimflow.rules.source.ObjectType;
import io.scimflow.rules.source.SourceObject;

/**
 * The rules of one app: scope plus mappings, from a directory object's full state to what
 * the target must look like. Stateless per call: the same input gives the same decision,
 * so replays are safe. Thread-safe (the random source behind Guid/RandomString must be
 * thread-safe when shared; the default is).
 *
 * <p>Deprovisioning follows Entra: a user who is in scope but disabled or soft-deleted, or
 * who leaves the scope (unassigned, Default Access only, failing the filter), gets a
 * DISABLE — also when the target never had the user, because the worker keeps no state;
 * the sink ignores a disable for a user it does not manage. A hard delete gives a DELETE
 * when the Delete action is on. {@code SkipOutOfScopeDeletions} turns the out-of-scope
 * DISABLE into NONE.
 */
public final class ProvisioningRules {

	private final AppConfig config;

	private final ScopeEvaluator scope;

	private final MappingEvaluator mappings = new MappingEvaluator();

	private final Clock clock;

	private final RandomGenerator random;

	public ProvisioningRules(AppConfig config, Clock clock, RandomGenerator random) {
		this.config = config;
		this.scope = new ScopeEvaluator(config.scope());
		this.clock = clock;
		this.random = random;
	}

	/** Rules over the configuration with the system UTC clock and a secure random source. */
	public static ProvisioningRules of(AppConfig config) {
		return new ProvisioningRules(config, Clock.systemUTC(), new SecureRandom());
	}

	public AppConfig config() {
		return this.config;
	}

	/** The scoping decision alone (for previews and logs). */
	public ScopeDecision scope(SourceObject object) {
		return this.scope.evaluate(object, this.config.mapping(object.objectType()).scopingFilter());
	}

	/**
	 * Decides what the target must look like for a user.
	 * @throws io.scimflow.rules.mapping.MappingException when a mapping fails for this user
	 */
	public UserDecision decideUser(SourceObject user) {
		requireType(user, ObjectType.USER);
		ObjectMapping mapping = this.config.users();
		ObjectActions actions = mapping.actions();
		ScopeDecision scope = scope(user);
		String name = displayName(user);
		if (scope.hardDeleted()) {
			return actions.delete() ? user(user, name, UserAction.DELETE, scope, matchingOnly(mapping, user, scope),
					"hard-deleted in the directory")
					: none(user, name, scope, "hard-deleted in the directory, but the Delete target action is off");
		}
		if (scope.active()) {
			if (!actions.create() && !actions.update()) {
				return none(user, name, scope, "in scope, but the Create and Update target actions are off");
			}
			MappedObject mapped = map(mapping, user, scope);
			if (mapped.matching().isEmpty()) {
				return none(user, name, scope, "in scope, but no matching attribute has a value (import skipped)");
			}
			return new UserDecision(user.id(), name, UserAction.UPSERT, scope, mapped.matching(), mapped.attributes(),
					mapped.references(), user.groupIds(), actions.create(), actions.update(), scope.summary());
		}
		boolean outOfScope = !scope.inScope();
		if (outOfScope && this.config.scope().skipOutOfScopeDeletions()) {
			return none(user, name, scope, scope.summary() + "; SkipOutOfScopeDeletions is on");
		}
		if (outOfScope && this.config.scope().outOfScopeAction() == OutOfScopeAction.DELETE && actions.delete()) {
			return user(user, name, UserAction.DELETE, scope, matchingOnly(mapping, user, scope),
					scope.summary() + "; this app deletes users who leave the scope");
		}
		if (!actions.update()) {
			return none(user, name, scope, scope.summary() + "; the Update target action is off");
		}
		return user(user, name, UserAction.DISABLE, scope, matchingOnly(mapping, user, scope), scope.summary());
	}

	/**
	 * Decides what the target must look like for a group (its attributes).
	 * @throws io.scimflow.rules.mapping.MappingException when a mapping fails for this group
	 */
	public GroupDecision decideGroup(SourceObject group) {
		requireType(group, ObjectType.GROUP);
		ObjectMapping mapping = this.config.groups();
		ScopeDecision scope = scope(group);
		String name = Values.asString(group.attribute("displayName"));
		if (!mapping.enabled()) {
			return group(group, name, GroupAction.NONE, scope, List.of(), List.of(), "group provisioning is off");
		}
		ObjectActions actions = mapping.actions();
		if (scope.hardDeleted() || !scope.active()) {
			String why = scope.hardDeleted() ? "hard-deleted in the directory" : scope.summary();
			if (!scope.hardDeleted() && this.config.scope().skipOutOfScopeDeletions()) {
				return group(group, name, GroupAction.NONE, scope, List.of(), List.of(),
						why + "; SkipOutOfScopeDeletions is on");
			}
			if (!actions.delete()) {
				return group(group, name, GroupAction.NONE, scope, List.of(), List.of(),
						why + "; the Delete target action is off");
			}
			return group(group, name, GroupAction.DELETE_GROUP, scope, matchingOnly(mapping, group, scope), List.of(), why);
		}
		if (!actions.create() && !actions.update()) {
			return group(group, name, GroupAction.NONE, scope, List.of(), List.of(),
					"in scope, but the Create and Update target actions are off");
		}
		MappedObject mapped = map(mapping, group, scope);
		if (mapped.matching().isEmpty()) {
			return group(group, name, GroupAction.NONE, scope, List.of(), List.of(),
					"in scope, but no matching attribute has a value (import skipped)");
		}
		return group(group, name, GroupAction.UPSERT_GROUP, scope, mapped.matching(), mapped.attributes(),
				scope.summary());
	}

	/**
	 * Decides the member change for one membership fact. The worker is stateless, so it does
	 * not know whether the group is in scope: the sink applies member changes only to
	 * groups it manages. Nested groups are not provisioned, as in Entra.
	 */
	public MembershipDecision decideMembership(MembershipFact fact) {
		if (!this.config.groups().enabled()) {
			return membership(fact, MembershipAction.NONE, "group provisioning is off");
		}
		if (!this.config.groups().actions().update()) {
			return membership(fact, MembershipAction.NONE, "the groups' Update target action is off");
		}
		if (fact.memberType() != MembershipFact.MemberType.USER) {
			return membership(fact, MembershipAction.NONE,
					"member " + fact.memberId() + " is a " + fact.memberType().name().toLowerCase(java.util.Locale.ROOT)
							+ "; nested groups are not provisioned");
		}
		return fact.present()
				? membership(fact, MembershipAction.ADD_MEMBERS, "user " + fact.memberId() + " is a direct member")
				: membership(fact, MembershipAction.REMOVE_MEMBERS, "user " + fact.memberId() + " is no longer a member");
	}

	private MembershipDecision membership(MembershipFact fact, MembershipAction action, String reason) {
		ObjectActions actions = this.config.groups().actions();
		return new MembershipDecision(fact.groupId(), action,
				(action == MembershipAction.NONE) ? List.of() : List.of(fact.memberId()), actions.create(),
				actions.update(), reason);
	}

	private MappedObject map(ObjectMapping mapping, SourceObject object, ScopeDecision scope) {
		return this.mappings.map(mapping,
				new SourceEvaluationContext(object, scope, this.clock, this.random, this.config.defaultDomain()));
	}

	// Matching values identify the object for the sink's logs even on disable and delete;
	// a mapping failure there must not block a deprovisioning.
	private List<io.scimflow.rules.mapping.MatchingValue> matchingOnly(ObjectMapping mapping, SourceObject object,
			ScopeDecision scope) {
		try {
			ObjectMapping onlyMatching = new ObjectMapping(mapping.objectType(), mapping.enabled(), mapping.actions(),
					mapping.scopingFilter(), mapping.matchingMappings());
			return map(onlyMatching, object, scope).matching();
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}

	private UserDecision user(SourceObject user, String name, UserAction action, ScopeDecision scope,
			List<io.scimflow.rules.mapping.MatchingValue> matching, String reason) {
		ObjectActions actions = this.config.users().actions();
		return new UserDecision(user.id(), name, action, scope, matching, List.of(), List.of(), List.of(),
				actions.create(), actions.update(), reason);
	}

	private UserDecision none(SourceObject user, String name, ScopeDecision scope, String reason) {
		return user(user, name, UserAction.NONE, scope, List.of(), reason);
	}

	private GroupDecision group(SourceObject group, String name, GroupAction action, ScopeDecision scope,
			List<io.scimflow.rules.mapping.MatchingValue> matching, List<io.scimflow.rules.mapping.MappedValue> attributes,
			String reason) {
		ObjectActions actions = this.config.groups().actions();
		return new GroupDecision(group.id(), name, action, scope, matching, attributes, actions.create(),
				actions.update(), reason);
	}

	private static String displayName(SourceObject user) {
		String upn = Values.asString(user.attribute("userPrincipalName"));
		return (upn != null) ? upn : Values.asString(user.attribute("displayName"));
	}

	private static void requireType(SourceObject object, ObjectType type) {
		if (object.objectType() != type) {
			throw new IllegalArgumentException("expected a " + type + " but got " + object);
		}
	}

	static boolean isActive(SourceObject object) {
		return object.lifecycle() == Lifecycle.ACTIVE;
	}

}
