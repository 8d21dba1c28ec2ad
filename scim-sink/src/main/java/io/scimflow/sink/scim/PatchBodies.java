package io.scimflow.sink.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.scimflow.sink.reconcile.AttributeChange;
import io.scimflow.sink.target.PatchStyle;

/**
 * Builds PATCH bodies with the SCIM SDK's {@link PatchOperation}/{@link PatchRequest} (RFC 7644:
 * lowercase ops, JSON booleans, {@code members[value eq "id"]} removal paths), and rewrites them
 * into Entra's legacy shapes when the target profile asks for them. Stateless.
 */
public final class PatchBodies {

    private static final ObjectMapper JSON = JsonUtils.createObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // inside a value filter: <attr> eq "True" / <attr> eq false (any case), before ']' or a logical operator
    private static final Pattern QUOTED_BOOLEAN = Pattern.compile("(\\b\\w+\\s+eq\\s+)\"(true|false)\"(?=\\s*(?:\\]|and\\s|or\\s))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_BOOLEAN = Pattern.compile("(\\b\\w+\\s+eq\\s+)(true|false)(?=\\s*(?:\\]|and\\s|or\\s))",
            Pattern.CASE_INSENSITIVE);

    private final PatchStyle style;

    public PatchBodies(PatchStyle style) {
        this.style = style;
    }

    /** A PATCH body for attribute changes: one replace (or remove) per path. */
    public ObjectNode attributes(List<AttributeChange> changes) {
        List<PatchOperation> operations = new ArrayList<>();
        for (AttributeChange change : changes) {
            Path path = path(filterLiterals(change.path()));
            operations.add(change.isRemoval() ? PatchOperation.remove(path) : PatchOperation.replace(path, change.newValue()));
        }
        return render(operations);
    }

    /** A PATCH body adding these members (one add operation) and removing those (one operation each). */
    public ObjectNode members(List<String> addIds, List<String> removeIds) {
        List<PatchOperation> operations = new ArrayList<>();
        if (!addIds.isEmpty()) {
            ArrayNode values = NODES.arrayNode();
            addIds.forEach(id -> values.addObject().put("value", id));
            operations.add(PatchOperation.add(path("members"), values));
        }
        for (String id : removeIds) {
            try {
                operations.add(PatchOperation.remove(Path.root().attribute("members", Filter.eq("value", id))));
            } catch (BadRequestException e) {
                throw new IllegalArgumentException("cannot build a member filter for " + id, e);
            }
        }
        return render(operations);
    }

    /**
     * The path as this style writes it: a value filter comparing with a boolean written as a
     * string in the mapping ({@code roles[primary eq "True"].value}, Entra's notation) compares
     * with a JSON boolean in RFC 7644 style ({@code roles[primary eq true].value}, what Miro
     * documents and what a server holding {@code "primary": true} matches); Entra's legacy style
     * keeps (or writes) Entra's string form {@code "True"}/{@code "False"}.
     */
    public String filterLiterals(String path) {
        if (path.indexOf('[') < 0) {
            return path;
        }
        Matcher literal = (style == PatchStyle.ENTRA_LEGACY ? BARE_BOOLEAN : QUOTED_BOOLEAN).matcher(path);
        StringBuilder out = new StringBuilder();
        while (literal.find()) {
            boolean value = Boolean.parseBoolean(literal.group(2));
            String written = style == PatchStyle.ENTRA_LEGACY ? (value ? "\"True\"" : "\"False\"") : Boolean.toString(value);
            literal.appendReplacement(out, Matcher.quoteReplacement(literal.group(1) + written));
        }
        literal.appendTail(out);
        return out.toString();
    }

    /** Size in bytes of the body as it will be sent. */
    public int sizeOf(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body).length;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode render(List<PatchOperation> operations) {
        ObjectNode body = JSON.valueToTree(new PatchRequest(operations));
        if (style == PatchStyle.ENTRA_LEGACY) {
            legacy(body);
        }
        return body;
    }

    /** Capitalised ops, string booleans, and member removal by value list instead of a filter path. */
    private static void legacy(ObjectNode body) {
        ArrayNode rewritten = NODES.arrayNode();
        ArrayNode removedMembers = null;
        for (JsonNode node : body.withArray("Operations")) {
            ObjectNode op = (ObjectNode) node;
            String name = op.path("op").asText();
            String path = op.path("path").asText("");
            if (name.equals("remove") && path.regionMatches(true, 0, "members[", 0, 8)) {
                if (removedMembers == null) {
                    ObjectNode removal = rewritten.addObject().put("op", "Remove").put("path", "members");
                    removedMembers = removal.putArray("value");
                }
                removedMembers.addObject().put("value", memberId(path));
                continue;
            }
            op.put("op", name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
            JsonNode value = op.get("value");
            if (value != null && value.isBoolean()) {
                op.put("value", value.booleanValue() ? "True" : "False");
            }
            rewritten.add(op);
        }
        body.set("Operations", rewritten);
    }

    private static String memberId(String filterPath) {
        int open = filterPath.indexOf('"');
        int close = filterPath.lastIndexOf('"');
        return open >= 0 && close > open ? filterPath.substring(open + 1, close) : filterPath;
    }

    private static Path path(String text) {
        try {
            return Path.fromString(text);
        } catch (ScimException e) {
            throw new IllegalArgumentException("not a SCIM path: " + text + " (" + e.getMessage() + ")", e);
        }
    }
}
