package io.scimflow.sink.reconcile;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimflow.events.ObjectType;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.StepName;
import io.scimflow.events.operations.ApplyOn;
import io.scimflow.events.operations.MappedAttribute;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.events.operations.ReferenceAttribute;

/**
 * One desired attribute value, references already resolved to target ids.
 *
 * @param path SCIM path
 * @param value desired value; null clears it
 * @param createOnly only sent when the object is created
 */
record Desired(String path, JsonNode value, boolean createOnly) {

    /**
     * The operation's mapped attributes plus its references, each reference resolved to the
     * referenced object's target id through the links. A reference whose object is not
     * provisioned yet is left out (and said so in the steps), and kept in {@code pending} for
     * the second pass.
     */
    static List<Desired> of(ProvisioningOperation op, LinkRegistry links, Outcome.Builder out, PendingReferences pending) {
        List<Desired> result = new ArrayList<>();
        for (MappedAttribute attribute : op.getAttributes()) {
            result.add(new Desired(attribute.getPath(), Values.desired(attribute), attribute.getApplyOn() == ApplyOn.CREATE_ONLY));
        }
        for (ReferenceAttribute reference : op.getReferences()) {
            boolean createOnly = reference.getApplyOn() == ApplyOn.CREATE_ONLY;
            if (reference.getSourceId() == null) {
                result.add(new Desired(reference.getPath(), null, createOnly));
                continue;
            }
            ObjectType type = reference.getObjectType();
            var link = links.find(type, reference.getSourceId());
            if (link.isEmpty()) {
                pending.leftOut(op, reference);
                // Linked meanwhile, before the entry was there to be found: resolve it now after all.
                link = links.find(type, reference.getSourceId());
                if (link.isPresent()) {
                    pending.withdraw(op.getSourceId(), reference.getPath());
                }
            }
            if (link.isEmpty()) {
                out.step(StepName.MATCHING, LogStatus.SKIPPED, "reference " + reference.getPath() + " -> "
                        + type.name().toLowerCase(java.util.Locale.ROOT) + " " + reference.getSourceId()
                        + " is not provisioned on the target yet; left unchanged and set once it is");
                continue;
            }
            ObjectNode value = JsonNodeFactory.instance.objectNode().put("value", link.get().targetId());
            result.add(new Desired(reference.getPath(), value, createOnly));
        }
        return result;
    }
}
