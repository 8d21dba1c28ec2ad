package io.scimflow.worker.translate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimflow.events.ObjectType;
import io.scimflow.events.operations.ApplyOn;
import io.scimflow.events.operations.MappedAttribute;
import io.scimflow.events.operations.MatchingAttribute;
import io.scimflow.events.operations.OperationAction;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.events.operations.ReferenceAttribute;
import io.scimflow.rules.decision.GroupDecision;
import io.scimflow.rules.decision.MembershipDecision;
import io.scimflow.rules.decision.UserDecision;
import io.scimflow.rules.mapping.MappedValue;
import io.scimflow.rules.mapping.MatchingValue;
import io.scimflow.rules.mapping.ReferenceValue;

/**
 * Turns the rules' decisions into provisioning operations. The operation id is derived
 * from the change id, the object and the action, so replaying a directory record yields
 * the same operation id (the sink can recognise a repeat). Secrets are marked
 * {@code sensitive} (the sink logs them redacted), and every operation carries the app's
 * Create and Update target actions for its object type ({@code allowCreate},
 * {@code allowUpdate}).
 */
public final class OperationFactory {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Clock clock;

	public OperationFactory(Clock clock) {
		this.clock = clock;
	}

	/** The operation for a user decision; null when the decision is NONE. */
	public ProvisioningOperation user(UserDecision d, String changeId, Instant changedAt) {
		OperationAction action = switch (d.action()) {
			case UPSERT -> OperationAction.UPSERT_USER;
			case DISABLE -> OperationAction.DISABLE_USER;
			case DELETE -> OperationAction.DELETE_USER;
			case NONE -> null;
		};
		if (action == null) {
			return null;
		}
		return base(ObjectType.USER, d.sourceId(), d.displayName(), action, changeId, changedAt, d.reason())
			.setAllowCreate(d.createAllowed())
			.setAllowUpdate(d.updateAllowed())
			.setMatchingAttributes(matching(d.matching()))
			.setAttributes(attributes(d.attributes()))
			.setReferences(references(d.references()))
			.setMemberOfGroupIds(d.memberOfGroupIds())
			.build();
	}

	/** The operation for a group decision; null when the decision is NONE. */
	public ProvisioningOperation group(GroupDecision d, String changeId, Instant changedAt) {
		OperationAction action = switch (d.action()) {
			case UPSERT_GROUP -> OperationAction.UPSERT_GROUP;
			case DELETE_GROUP -> OperationAction.DELETE_GROUP;
			case NONE -> null;
		};
		if (action == null) {
			return null;
		}
		return base(ObjectType.GROUP, d.sourceId(), d.displayName(), action, changeId, changedAt, d.reason())
			.setAllowCreate(d.createAllowed())
			.setAllowUpdate(d.updateAllowed())
			.setMatchingAttributes(matching(d.matching()))
			.setAttributes(attributes(d.attributes()))
			.build();
	}

	/** The operation for a membership decision; null when the decision is NONE. */
	public ProvisioningOperation membership(MembershipDecision d, String changeId, Instant changedAt) {
		OperationAction action = switch (d.action()) {
			case ADD_MEMBERS -> OperationAction.ADD_MEMBERS;
			case REMOVE_MEMBERS -> OperationAction.REMOVE_MEMBERS;
			case NONE -> null;
		};
		if (action == null) {
			return null;
		}
		return base(ObjectType.GROUP, d.groupId(), null, action, changeId, changedAt, d.reason())
			.setAllowCreate(d.createAllowed())
			.setAllowUpdate(d.updateAllowed())
			.setMemberSourceIds(d.memberSourceIds())
			.build();
	}

	private ProvisioningOperation.Builder base(ObjectType type, String sourceId, String displayName,
			OperationAction action, String changeId, Instant changedAt, String reason) {
		String seed = changeId + "|" + type + "/" + sourceId + "|" + action;
		return ProvisioningOperation.newBuilder()
			.setOperationId(OperationIds.of(seed))
			.setChangeId(changeId)
			.setObjectType(type)
			.setSourceId(sourceId)
			.setSourceDisplayName(displayName)
			.setAction(action)
			.setReason(reason)
			.setSourceChangedAt(changedAt)
			.setEmittedAt(this.clock.instant())
			.setMatchingAttributes(List.of())
			.setAttributes(List.of())
			.setReferences(List.of())
			.setMemberOfGroupIds(List.of())
			.setMemberSourceIds(List.of());
	}

	private static List<MatchingAttribute> matching(List<MatchingValue> values) {
		return values.stream().map((m) -> new MatchingAttribute(m.path(), m.value())).toList();
	}

	private static List<MappedAttribute> attributes(List<MappedValue> values) {
		List<MappedAttribute> result = new ArrayList<>();
		for (MappedValue v : values) {
			MappedAttribute.Builder attribute = MappedAttribute.newBuilder()
				.setPath(v.path())
				.setApplyOn((v.applyOn() == io.scimflow.rules.mapping.ApplyOn.CREATE_ONLY) ? ApplyOn.CREATE_ONLY
						: ApplyOn.ALWAYS)
				.setSensitive(v.sensitive())
				.setValue(null)
				.setJsonValue(null);
			Object value = v.value();
			if (isComplexList(value)) {
				attribute.setJsonValue(json(value));
			}
			else if (value instanceof Collection<?> list) {
				attribute.setValue(list.stream().map(String::valueOf).toList());
			}
			else if (value instanceof Integer || value instanceof Short) {
				attribute.setValue(((Number) value).longValue());
			}
			else if (value instanceof Float || value instanceof java.math.BigDecimal) {
				attribute.setValue(((Number) value).doubleValue());
			}
			else if (value instanceof Boolean || value instanceof Long || value instanceof Double || value instanceof String) {
				attribute.setValue(value);
			}
			else {
				attribute.setValue(String.valueOf(value));
			}
			result.add(attribute.build());
		}
		return result;
	}

	private static boolean isComplexList(Object value) {
		return value instanceof Collection<?> list && !list.isEmpty() && list.iterator().next() instanceof java.util.Map;
	}

	private static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new UntranslatableRecordException("cannot write " + value + " as JSON", ex);
		}
	}

	private static List<ReferenceAttribute> references(List<ReferenceValue> values) {
		return values.stream()
			.map((r) -> new ReferenceAttribute(r.path(), ObjectType.valueOf(r.objectType().name()), r.sourceId(),
					(r.applyOn() == io.scimflow.rules.mapping.ApplyOn.CREATE_ONLY) ? ApplyOn.CREATE_ONLY : ApplyOn.ALWAYS))
			.toList();
	}

}
