package io.scimflow.sink.reconcile;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimflow.events.ObjectType;
import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.StepName;
import io.scimflow.events.operations.MatchingAttribute;
import io.scimflow.events.operations.ProvisioningOperation;

/** Upsert, disable and delete of users. */
final class UserRules {

    static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";

    private final ReconcileContext context;
    private final MembershipRules memberships;

    UserRules(ReconcileContext context, MembershipRules memberships) {
        this.context = context;
        this.memberships = memberships;
    }

    Outcome upsert(ProvisioningOperation op, TargetDirectory target, Outcome.Builder out) {
        context.references().forget(op.getSourceId()); // this upsert says again what it leaves out
        List<Desired> desired = Desired.of(op, context.links(), out, context.references());
        ObjectNode current = locate(op, target, out, true);
        if (current == null) {
            out.action(LogAction.CREATE);
            CreateResult result = target.createUser(build(desired));
            if (!result.alreadyExists()) {
                ObjectNode created = result.created();
                String id = created.path("id").asText();
                String userName = created.path("userName").asText(null);
                context.links().link(ObjectType.USER, op.getSourceId(), id, userName);
                out.target(id, userName);
                for (Desired d : desired) {
                    if (d.value() != null) {
                        out.modified(d.path(), null, Values.text(d.value()));
                    }
                }
                memberships.ensureUserInGroups(op, id, created, target, out);
                return out.done(LogStatus.SUCCESS, "Created");
            }
            out.step(StepName.MATCHING, LogStatus.SUCCESS, "create answered that the user already exists ("
                    + result.conflictDetail() + "); looking it up to link and update it");
            current = locate(op, target, out, false);
            String userName = Values.text(desiredValue(desired, "userName"));
            if (current == null && userName != null && !matchesOn(op, "userName")) {
                // The uniqueness the server enforces is on userName, which may not be a matching attribute.
                current = target.findUser("userName", userName).orElse(null);
                out.step(StepName.MATCHING, current != null ? LogStatus.SUCCESS : LogStatus.SKIPPED,
                        (current != null ? "matched " : "no match for ") + "userName eq \"" + userName + "\" after the conflict");
            }
            if (current == null) {
                if (result.conflict() != null) {
                    // No such user after all: the refusal was a business rule, not a duplicate.
                    throw result.conflict();
                }
                throw new TargetConflictException("the target says the user already exists (" + result.conflictDetail()
                        + ") but no user matches " + describeMatching(op));
            }
        }
        String id = current.path("id").asText();
        String userName = current.path("userName").asText(null);
        out.action(LogAction.UPDATE).target(id, userName);
        linkIfNeeded(ObjectType.USER, op.getSourceId(), id, userName);
        context.users().forget(id);
        List<AttributeChange> changes = diff(desired, current);
        boolean reactivated = false;
        if (!changes.isEmpty()) {
            target.patchUser(id, changes);
            for (AttributeChange change : changes) {
                out.modified(change.path(), Values.text(change.oldValue()), Values.text(change.newValue()));
                reactivated |= change.path().equalsIgnoreCase("active") && change.newValue() != null
                        && Values.same(JsonNodeFactory.instance.booleanNode(true), change.newValue());
            }
        }
        memberships.ensureUserInGroups(op, id, current, target, out);
        if (!out.hasModifications()) {
            return out.done(LogStatus.SKIPPED, "Skipped, no change");
        }
        return out.done(LogStatus.SUCCESS, reactivated ? "Updated (reactivated)" : "Updated");
    }

    Outcome disable(ProvisioningOperation op, TargetDirectory target, Outcome.Builder out) {
        context.references().forget(op.getSourceId());
        out.action(LogAction.DISABLE);
        var link = context.links().find(ObjectType.USER, op.getSourceId());
        if (link.isEmpty()) {
            out.step(StepName.MATCHING, LogStatus.SKIPPED, "no link: the pipeline does not manage this user");
            return out.done(LogStatus.SKIPPED, "Skipped: not managed (never linked); a target account the pipeline "
                    + "never linked is left alone");
        }
        String id = link.get().targetId();
        out.target(id, link.get().targetIdentity());
        out.step(StepName.MATCHING, LogStatus.SUCCESS, "linked to target user " + id);
        ObjectNode current = context.users().takeById(id).orElseGet(() -> target.getUser(id).orElse(null));
        if (current == null) {
            return out.done(LogStatus.SKIPPED, "Skipped: the linked target user " + id + " no longer exists");
        }
        JsonNode active = current.get("active");
        if (active != null && Values.same(JsonNodeFactory.instance.booleanNode(false), active)) {
            return out.done(LogStatus.SKIPPED, "Skipped, no change: already disabled");
        }
        target.patchUser(id, List.of(new AttributeChange("active", active, JsonNodeFactory.instance.booleanNode(false))));
        out.modified("active", Values.text(active), "false");
        return out.done(LogStatus.SUCCESS, "Disabled");
    }

    Outcome delete(ProvisioningOperation op, TargetDirectory target, Outcome.Builder out) {
        context.references().forget(op.getSourceId());
        out.action(LogAction.DELETE);
        var link = context.links().find(ObjectType.USER, op.getSourceId());
        if (link.isEmpty()) {
            out.step(StepName.MATCHING, LogStatus.SKIPPED, "no link: the pipeline does not manage this user");
            return out.done(LogStatus.SKIPPED, "Skipped: not managed (never linked); a target account the pipeline "
                    + "never linked is left alone");
        }
        String id = link.get().targetId();
        out.target(id, link.get().targetIdentity());
        out.step(StepName.MATCHING, LogStatus.SUCCESS, "linked to target user " + id);
        boolean deleted = target.deleteUser(id);
        context.users().forget(id);
        context.links().unlink(ObjectType.USER, op.getSourceId());
        if (!deleted) {
            return out.done(LogStatus.SKIPPED, "Skipped: the linked target user " + id + " no longer exists; link removed");
        }
        return out.done(LogStatus.SUCCESS, "Deleted");
    }

    /**
     * Finds the target user: the link when known and the user still exists, else each matching
     * attribute in precedence order (from the listing when a fresh one exists, else a filter query).
     */
    private ObjectNode locate(ProvisioningOperation op, TargetDirectory target, Outcome.Builder out, boolean useSnapshot) {
        var link = context.links().find(ObjectType.USER, op.getSourceId());
        if (link.isPresent()) {
            String id = link.get().targetId();
            ObjectNode linked = (useSnapshot ? context.users().takeById(id) : java.util.Optional.<ObjectNode>empty())
                    .orElseGet(() -> target.getUser(id).orElse(null));
            if (linked != null) {
                out.step(StepName.MATCHING, LogStatus.SUCCESS, "linked to target user " + id);
                return linked;
            }
            out.step(StepName.MATCHING, LogStatus.SKIPPED, "linked target user " + id + " no longer exists; matching again");
        }
        boolean snapshot = useSnapshot && context.users().isFresh();
        for (MatchingAttribute matching : op.getMatchingAttributes()) {
            ObjectNode found;
            if (snapshot && matching.getPath().equalsIgnoreCase("userName")) {
                found = context.users().takeByUserName(matching.getValue()).orElse(null);
                out.step(StepName.MATCHING, found != null ? LogStatus.SUCCESS : LogStatus.SKIPPED,
                        (found != null ? "matched " : "no match for ") + "userName \"" + matching.getValue()
                                + "\" in the target's user listing (no request)");
            } else {
                found = target.findUser(matching.getPath(), matching.getValue()).orElse(null);
                out.step(StepName.MATCHING, found != null ? LogStatus.SUCCESS : LogStatus.SKIPPED,
                        (found != null ? "matched " : "no match for ") + matching.getPath() + " eq \"" + matching.getValue() + "\"");
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private void linkIfNeeded(ObjectType type, String sourceId, String targetId, String identity) {
        var link = context.links().find(type, sourceId);
        if (link.isEmpty() || !link.get().targetId().equals(targetId)) {
            context.links().link(type, sourceId, targetId, identity);
        }
    }

    private List<AttributeChange> diff(List<Desired> desired, ObjectNode current) {
        List<AttributeChange> changes = new ArrayList<>();
        for (Desired d : desired) {
            if (d.createOnly() || context.capabilities().isUnstored(d.path())) {
                continue;
            }
            JsonNode present = ResourcePaths.read(current, d.path());
            if (!Values.same(d.value(), present)) {
                changes.add(new AttributeChange(d.path(), present, d.value()));
            }
        }
        return changes;
    }

    private static ObjectNode build(List<Desired> desired) {
        ObjectNode resource = JsonNodeFactory.instance.objectNode();
        resource.putArray("schemas").add(CORE_USER);
        for (Desired d : desired) {
            if (d.value() != null) {
                ResourcePaths.write(resource, d.path(), d.value().deepCopy());
            }
        }
        return resource;
    }

    private static JsonNode desiredValue(List<Desired> desired, String path) {
        for (Desired d : desired) {
            if (d.path().equalsIgnoreCase(path)) {
                return d.value();
            }
        }
        return null;
    }

    private static boolean matchesOn(ProvisioningOperation op, String path) {
        return op.getMatchingAttributes().stream().anyMatch(m -> m.getPath().equalsIgnoreCase(path));
    }

    private static String describeMatching(ProvisioningOperation op) {
        StringBuilder text = new StringBuilder();
        for (MatchingAttribute m : op.getMatchingAttributes()) {
            text.append(text.isEmpty() ? "" : " or ").append(m.getPath()).append(" eq \"").append(m.getValue()).append('"');
        }
        return text.isEmpty() ? "(no matching attributes)" : text.toString();
    }
}
