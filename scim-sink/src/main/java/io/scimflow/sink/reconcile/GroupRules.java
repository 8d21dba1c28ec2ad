package io.scimflow.sink.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimflow.events.ObjectType;
import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.StepName;
import io.scimflow.events.operations.MappedAttribute;
import io.scimflow.events.operations.MatchingAttribute;
import io.scimflow.events.operations.ProvisioningOperation;

/** Upsert and delete of groups, within what the target allows. */
final class GroupRules {

    static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private final ReconcileContext context;

    GroupRules(ReconcileContext context) {
        this.context = context;
    }

    Outcome upsert(ProvisioningOperation op, TargetDirectory target, Outcome.Builder out) {
        String name = displayName(op);
        out.target(null, name);
        Optional<String> existing = locate(op, name, target, context, out);
        if (existing.isEmpty()) {
            out.action(LogAction.CREATE);
            if (!context.capabilities().groupCreate()) {
                return out.done(LogStatus.DROPPED, "Dropped: " + context.capabilities().profile().configName()
                        + " cannot create groups over SCIM; group \"" + name + "\" does not exist on the target "
                        + "(create the team in the target first; it is then linked by name)");
            }
            ObjectNode resource = JsonNodeFactory.instance.objectNode();
            resource.putArray("schemas").add(CORE_GROUP);
            for (MappedAttribute attribute : op.getAttributes()) {
                JsonNode value = Values.desired(attribute);
                if (value != null && !attribute.getPath().equalsIgnoreCase("members")) {
                    ResourcePaths.write(resource, attribute.getPath(), value);
                }
            }
            resource.put("displayName", name);
            CreateResult result = target.createGroup(resource);
            if (!result.alreadyExists()) {
                String id = result.created().path("id").asText();
                context.groups().put(id, name);
                context.links().link(ObjectType.GROUP, op.getSourceId(), id, name);
                out.target(id, name).modified("displayName", null, name);
                return out.done(LogStatus.SUCCESS, "Created");
            }
            existing = target.findGroupByDisplayName(name).map(g -> g.path("id").asText());
            if (existing.isEmpty() && result.conflict() != null) {
                throw result.conflict();
            }
            if (existing.isEmpty()) {
                throw new TargetConflictException("the target says group \"" + name + "\" already exists ("
                        + result.conflictDetail() + ") but no group has that displayName");
            }
        }
        String id = existing.get();
        out.action(LogAction.UPDATE).target(id, name);
        var link = context.links().find(ObjectType.GROUP, op.getSourceId());
        if (link.isEmpty() || !link.get().targetId().equals(id)) {
            context.links().link(ObjectType.GROUP, op.getSourceId(), id, name);
        }
        String currentName = context.groups().nameById(id).orElse(name);
        List<AttributeChange> changes = new ArrayList<>();
        if (!currentName.equals(name)) {
            changes.add(new AttributeChange("displayName", JsonNodeFactory.instance.textNode(currentName),
                    JsonNodeFactory.instance.textNode(name)));
        }
        if (changes.isEmpty()) {
            return out.done(LogStatus.SKIPPED, "Skipped, no change");
        }
        target.patchGroup(id, changes);
        context.groups().put(id, name);
        out.modified("displayName", currentName, name);
        return out.done(LogStatus.SUCCESS, "Updated");
    }

    Outcome delete(ProvisioningOperation op, TargetDirectory target, Outcome.Builder out) {
        out.action(LogAction.DELETE);
        var link = context.links().find(ObjectType.GROUP, op.getSourceId());
        link.ifPresent(l -> out.target(l.targetId(), l.targetIdentity()));
        if (!context.capabilities().groupDelete()) {
            return out.done(LogStatus.DROPPED, "Dropped: " + context.capabilities().profile().configName()
                    + " cannot delete groups over SCIM; nothing sent");
        }
        if (link.isEmpty()) {
            return out.done(LogStatus.SKIPPED, "Skipped: not managed (never linked); left alone");
        }
        String id = link.get().targetId();
        boolean deleted = target.deleteGroup(id);
        context.groups().remove(id);
        context.links().unlink(ObjectType.GROUP, op.getSourceId());
        return deleted ? out.done(LogStatus.SUCCESS, "Deleted")
                : out.done(LogStatus.SKIPPED, "Skipped: the linked group " + id + " no longer exists; link removed");
    }

    /** The group's name on the target: the displayName attribute, else the matching value, else the source name. */
    static String displayName(ProvisioningOperation op) {
        for (MappedAttribute attribute : op.getAttributes()) {
            if (attribute.getPath().equalsIgnoreCase("displayName") && attribute.getValue() != null) {
                return attribute.getValue().toString();
            }
        }
        for (MatchingAttribute matching : op.getMatchingAttributes()) {
            if (matching.getPath().equalsIgnoreCase("displayName")) {
                return matching.getValue();
            }
        }
        String named = op.getGroupDisplayNames().get(op.getSourceId());
        if (named != null && !named.isBlank()) {
            return named;
        }
        if (op.getSourceDisplayName() != null) {
            return op.getSourceDisplayName();
        }
        throw new InvalidOperationException("group operation without a displayName (attribute, matching attribute, "
                + "groupDisplayNames or sourceDisplayName): groups are matched by displayName");
    }

    /**
     * The group's target id: the link when the group still exists, else by displayName in the
     * cached list (listed once; listed again on a miss only when the list is old enough).
     */
    static Optional<String> locate(ProvisioningOperation op, String name, TargetDirectory target,
            ReconcileContext context, Outcome.Builder out) {
        GroupDirectory groups = context.groups();
        if (!groups.isLoaded()) {
            groups.load(target.listGroups());
        }
        var link = context.links().find(ObjectType.GROUP, op.getSourceId());
        if (link.isPresent() && groups.contains(link.get().targetId())) {
            out.step(StepName.MATCHING, LogStatus.SUCCESS, "linked to target group " + link.get().targetId());
            return Optional.of(link.get().targetId());
        }
        Optional<String> byName = groups.idByName(name);
        if (byName.isEmpty() && groups.mayRelist()) {
            groups.load(target.listGroups());
            byName = groups.idByName(name);
        }
        if (byName.isEmpty() && link.isPresent()) {
            // The list may be older than the link (e.g. the group was created by another instance).
            Optional<ObjectNode> linked = target.getGroup(link.get().targetId());
            if (linked.isPresent()) {
                groups.put(link.get().targetId(), linked.get().path("displayName").asText(name));
                out.step(StepName.MATCHING, LogStatus.SUCCESS, "linked to target group " + link.get().targetId());
                return Optional.of(link.get().targetId());
            }
        }
        out.step(StepName.MATCHING, byName.isPresent() ? LogStatus.SUCCESS : LogStatus.SKIPPED,
                (byName.isPresent() ? "matched " : "no group matches ") + "displayName \"" + name + "\"");
        return byName;
    }
}
