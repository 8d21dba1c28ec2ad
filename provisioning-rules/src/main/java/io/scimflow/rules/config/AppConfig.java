package io.scimflow.rules.config;

import java.util.Objects;

import io.scimflow.rules.mapping.ObjectMapping;
import io.scimflow.rules.scope.ScopeSettings;
import io.scimflow.rules.source.ObjectType;

/**
 * One app's provisioning configuration, validated and compiled. Immutable and shared.
 *
 * @param source where it was read from (file path or resource), for messages
 * @param targetProfile the target profile the sink uses, e.g. {@code miro} or
 * {@code generic-scim}
 * @param defaultDomain the tenant's default verified domain for DefaultDomain(); may be
 * null
 * @param scope the scope settings
 * @param users the user mappings
 * @param groups the group mappings
 */
public record AppConfig(String source, String targetProfile, String defaultDomain, ScopeSettings scope,
		ObjectMapping users, ObjectMapping groups) {

	public AppConfig {
		Objects.requireNonNull(targetProfile, "targetProfile");
		Objects.requireNonNull(scope, "scope");
		users = (users != null) ? users : ObjectMapping.disabled(ObjectType.USER);
		groups = (groups != null) ? groups : ObjectMapping.disabled(ObjectType.GROUP);
	}

	/** The mapping of an object type. */
	public ObjectMapping mapping(ObjectType type) {
		return (type == ObjectType.USER) ? this.users : this.groups;
	}

}
