package io.scimflow.miroserver.groups;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.messages.PatchOpType;

import io.scimflow.miroserver.scim.PatchBody;
import io.scimflow.miroserver.scim.ScimError;
import io.scimflow.miroserver.scim.ScimJson;

/**
 * The outcome of a Group PATCH computed on a copy (reference 3.1): the new name and member
 * list, plus the ids the request named to add and remove, so the caller can check them all
 * before anything changes. Only the paths {@code members} and {@code displayName} exist;
 * remove needs a path; {@code members[value eq 123]} accepts quoted and unquoted ids.
 */
final class GroupPatch {

	String displayName;

	final LinkedHashSet<String> members;

	final List<String> added = new ArrayList<>();

	final List<String> removed = new ArrayList<>();

	private GroupPatch(String displayName, LinkedHashSet<String> members) {
		this.displayName = displayName;
		this.members = members;
	}

	static GroupPatch apply(String displayName, LinkedHashSet<String> members, PatchBody body) {
		GroupPatch patch = new GroupPatch(displayName, members);
		for (PatchBody.Operation operation : body.operations()) {
			if (operation.path() == null) {
				patch.pathless(operation);
			}
			else {
				patch.withPath(operation);
			}
		}
		return patch;
	}

	/** Counts the member values a PATCH body names, for the 8,000-member limit. */
	static int memberValueCount(PatchBody body) {
		int count = 0;
		for (PatchBody.Operation operation : body.operations()) {
			JsonNode value = operation.value();
			if (value == null) {
				continue;
			}
			JsonNode members = (operation.path() == null) ? ScimJson.getIgnoreCase(value, "members") : value;
			if (members != null && members.isArray()) {
				count += members.size();
			}
		}
		return count;
	}

	private void pathless(PatchBody.Operation operation) {
		if (operation.type() == PatchOpType.REMOVE) {
			throw ScimError.badRequest("noTarget", "A remove operation on a group needs a path");
		}
		JsonNode value = operation.value();
		if (!value.isObject()) {
			throw ScimError.badRequest("invalidValue", "A PATCH operation without a path needs an object value");
		}
		value.fields().forEachRemaining((field) -> {
			String key = field.getKey();
			if (key.equalsIgnoreCase("displayName")) {
				rename(field.getValue());
			}
			else if (key.equalsIgnoreCase("members")) {
				members(operation.type(), field.getValue());
			}
			else if (!key.equalsIgnoreCase("id") && !key.equalsIgnoreCase("schemas")
					&& !key.equalsIgnoreCase("externalId")) {
				throw ScimError.badRequest("invalidPath", "Attribute '" + key + "' of a group cannot be changed");
			}
		});
	}

	private void withPath(PatchBody.Operation operation) {
		Path path = operation.parsedPath();
		String attribute = path.getElement(0).getAttribute();
		Filter filter = path.getElement(0).getValueFilter();
		if ("displayName".equalsIgnoreCase(attribute) && path.size() == 1 && filter == null) {
			if (operation.type() == PatchOpType.REMOVE) {
				throw ScimError.badRequest("mutability", "displayName of a group cannot be removed");
			}
			rename(operation.value());
		}
		else if ("members".equalsIgnoreCase(attribute)) {
			if (filter != null) {
				if (operation.type() != PatchOpType.REMOVE) {
					throw ScimError.badRequest("invalidPath", "A members filter is only supported with remove");
				}
				List<String> ids = new ArrayList<>();
				collectIds(filter, ids);
				remove(ids);
			}
			else if (operation.type() == PatchOpType.REMOVE && operation.value() == null) {
				remove(new ArrayList<>(this.members));
			}
			else {
				members(operation.type(), operation.value());
			}
		}
		else {
			throw ScimError.badRequest("invalidPath",
					"Path '" + operation.path() + "' is not supported for groups; use members or displayName");
		}
	}

	private void rename(JsonNode value) {
		String name = ScimJson.text(value);
		if (name == null || name.isBlank()) {
			throw ScimError.invalidValue("displayName of a group must be a non-empty string");
		}
		this.displayName = name;
	}

	private void members(PatchOpType type, JsonNode value) {
		List<String> ids = memberIds(value);
		switch (type) {
			case ADD -> add(ids);
			case REMOVE -> remove(ids);
			case REPLACE -> {
				remove(new ArrayList<>(this.members));
				add(ids);
			}
		}
	}

	private void add(List<String> ids) {
		for (String id : ids) {
			this.added.add(id);
			this.removed.remove(id);
			this.members.add(id);
		}
	}

	private void remove(List<String> ids) {
		for (String id : ids) {
			this.removed.add(id);
			this.members.remove(id);
		}
	}

	private static List<String> memberIds(JsonNode value) {
		List<String> ids = new ArrayList<>();
		JsonNode array = value.isArray() ? value : ScimJson.array().add(value);
		for (JsonNode member : array) {
			String id = member.isObject() ? ScimJson.text(ScimJson.getIgnoreCase(member, "value"))
					: ScimJson.text(member);
			if (id == null || id.isBlank()) {
				throw ScimError.invalidValue("Each member needs a value (the user id)");
			}
			ids.add(id.trim());
		}
		return ids;
	}

	/** {@code value eq X}, possibly or-ed together, is the only member filter Miro documents. */
	private static void collectIds(Filter filter, List<String> ids) {
		if (filter.getFilterType() == FilterType.OR) {
			for (Filter part : filter.getCombinedFilters()) {
				collectIds(part, ids);
			}
			return;
		}
		if (filter.getFilterType() == FilterType.EQUAL && filter.getAttributePath().size() == 1
				&& "value".equalsIgnoreCase(filter.getAttributePath().getElement(0).getAttribute())) {
			ids.add(filter.getComparisonValue().asText());
			return;
		}
		throw ScimError.badRequest("invalidFilter", "Unsupported members filter '" + filter + "'; use value eq <id>");
	}

}
