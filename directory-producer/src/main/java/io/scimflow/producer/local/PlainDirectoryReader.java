package io.scimflow.producer.local;

import java.io.Reader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.scimflow.producer.model.AppRole;
import io.scimflow.producer.model.AppRoleGrant;
import io.scimflow.producer.model.Directory;
import io.scimflow.producer.model.DirectoryBuilder;
import io.scimflow.producer.model.Group;
import io.scimflow.producer.model.MemberType;
import io.scimflow.producer.model.ObjectState;
import io.scimflow.producer.model.PrincipalType;
import io.scimflow.producer.model.User;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The fast path of {@link LocalDirectoryReader}: walks SnakeYAML's event stream and builds
 * each app role, user and group as soon as its mapping ends, without a node tree and without
 * matching every value against the implicit-type patterns. It handles the <em>plain</em>
 * files the writer produces and people usually write: sections in the order appRoles, users,
 * groups (each optional), values that are scalars or lists of scalars, no anchors, aliases,
 * tags or duplicate keys, and no error. On anything else it {@linkplain #read declines}, and
 * the reader reads the file again the thorough way, which gives the result (or the error, with
 * its line) the format defines. So this class never decides what a file means when that
 * could differ from the thorough reader; the differential tests hold it to that.
 */
final class PlainDirectoryReader {

    /** Thrown to give up on the fast path; carries no stack trace (it is not an error). */
    static final class Declined extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Declined(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Parser parser;
    private final DirectoryBuilder builder = new DirectoryBuilder();
    private final AppRoleReferences roles = new AppRoleReferences();
    private final Map<String, List<String>> pendingMembers = new LinkedHashMap<>();
    /** Reused for each object: its attributes, and its reserved fields. */
    private final Map<String, Object> fields = new HashMap<>();

    private PlainDirectoryReader(Reader reader, LoaderOptions options) {
        this.parser = new ParserImpl(new StreamReader(reader), options);
    }

    /**
     * The directory in the file, or {@link Declined} when the file is not plain or has an
     * error (the caller then reads it the thorough way). Syntax errors surface as SnakeYAML's
     * own exceptions, which the caller treats the same way.
     */
    static Directory read(Reader reader, LoaderOptions options) {
        return new PlainDirectoryReader(reader, options).read();
    }

    private Directory read() {
        expect(Event.ID.StreamStart);
        Event event = parser.getEvent();
        if (event.is(Event.ID.StreamEnd)) {
            return builder.build();
        }
        check(event.is(Event.ID.DocumentStart), "a document");
        collectionStart(Event.ID.MappingStart);
        int section = -1;
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            String key = plainKey();
            int index = switch (key) {
                case "appRoles" -> 0;
                case "users" -> 1;
                case "groups" -> 2;
                default -> throw new Declined("unknown top-level key");
            };
            check(index > section, "top-level keys in the order appRoles, users, groups, once each");
            section = index;
            if (sectionIsEmpty()) {
                continue;
            }
            while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                switch (index) {
                    case 0 -> appRole();
                    case 1 -> user();
                    default -> group();
                }
            }
            parser.getEvent();
        }
        parser.getEvent();
        expect(Event.ID.DocumentEnd);
        expect(Event.ID.StreamEnd);
        members();
        return builder.build();
    }

    /** True for a null section ({@code users:}); false when a list starts; declines otherwise. */
    private boolean sectionIsEmpty() {
        Event event = parser.getEvent();
        if (event instanceof ScalarEvent scalar) {
            check(kind(scalar) == Kind.NULL, "a section that is a list or empty");
            return true;
        }
        check(event.is(Event.ID.SequenceStart) && plainCollection(event), "a section that is a list");
        return false;
    }

    private void appRole() {
        readFields();
        String id = requiredText(LocalDirectoryReader.ID);
        AppRole role = new AppRole(id, optionalText("value"), optionalText("displayName"));
        builder.putAppRole(role);
        roles.add(role);
    }

    private void user() {
        readFields();
        String id = requiredText(LocalDirectoryReader.ID);
        check(builder.user(id) == null, "unique user ids");
        Instant deleted = deleted();
        Object assignments = fields.remove(LocalDirectoryReader.ASSIGNMENTS);
        builder.putUser(new User(id, attributes(), deleted == null ? ObjectState.ACTIVE : ObjectState.SOFT_DELETED, deleted));
        grant(id, PrincipalType.USER, assignments);
    }

    private void group() {
        readFields();
        String id = requiredText(LocalDirectoryReader.ID);
        check(builder.group(id) == null && builder.user(id) == null, "unique ids");
        Instant deleted = deleted();
        Object assignments = fields.remove(LocalDirectoryReader.ASSIGNMENTS);
        boolean hasMembers = fields.containsKey(LocalDirectoryReader.MEMBERS);
        Object members = fields.remove(LocalDirectoryReader.MEMBERS);
        builder.putGroup(new Group(id, attributes(), deleted == null ? ObjectState.ACTIVE : ObjectState.SOFT_DELETED, deleted));
        grant(id, PrincipalType.GROUP, assignments);
        if (hasMembers) {
            pendingMembers.put(id, list(members));
        }
    }

    /**
     * Reads one object's mapping into {@link #fields}: a value is a String, a Boolean or
     * {@link Null#NULL} (plain scalars resolved as the thorough reader does), or a list of the
     * items' text.
     */
    private void readFields() {
        fields.clear();
        collectionStart(Event.ID.MappingStart);
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            String key = plainKey();
            Event event = parser.getEvent();
            Object value;
            if (event instanceof ScalarEvent scalar) {
                check(scalar.getAnchor() == null && scalar.getTag() == null, "no anchor or tag");
                value = switch (kind(scalar)) {
                    case NULL -> Null.NULL;
                    case BOOL -> Boolean.valueOf(scalar.getValue());
                    case TEXT -> scalar.getValue();
                };
            } else {
                check(event.is(Event.ID.SequenceStart) && plainCollection(event), "a scalar or a list");
                List<String> items = new ArrayList<>(2);
                while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                    items.add(plainItem());
                }
                parser.getEvent();
                value = items;
            }
            check(fields.put(key, value) == null, "no duplicate keys");
        }
        parser.getEvent();
    }

    /** The attributes left in {@link #fields} once the reserved ones are removed. */
    private Map<String, Object> attributes() {
        fields.remove(LocalDirectoryReader.ID);
        fields.remove(LocalDirectoryReader.DELETED);
        Map<String, Object> attributes = new HashMap<>(fields.size() * 2);
        fields.forEach((name, value) -> {
            if (value != Null.NULL) {
                attributes.put(name, value);
            }
        });
        return attributes;
    }

    private String requiredText(String key) {
        String value = optionalText(key);
        check(value != null && !value.isBlank(), "an id");
        return value;
    }

    /** A scalar's text, null when absent or null; declines on a list or a boolean (rare: the thorough reader keeps its spelling). */
    private String optionalText(String key) {
        Object value = fields.get(key);
        if (value == null || value == Null.NULL) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        throw new Declined("a single text value for " + key);
    }

    private Instant deleted() {
        String text = optionalText(LocalDirectoryReader.DELETED);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new Declined("an ISO-8601 instant");
        }
    }

    /** The items of a list field: none when absent or null; declines on a single value. */
    private static List<String> list(Object value) {
        if (value == null || value == Null.NULL) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<String> items = (List<String>) list;
            return items;
        }
        throw new Declined("a list");
    }

    private void grant(String principalId, PrincipalType type, Object assignments) {
        for (String ref : list(assignments)) {
            check(!roles.ambiguous(ref), "an unambiguous role");
            String roleId = roles.id(ref);
            check(roleId != null, "a known role");
            builder.grant(new AppRoleGrant(principalId, type, roleId));
        }
    }

    private void members() {
        pendingMembers.forEach((groupId, members) -> {
            for (String memberId : members) {
                MemberType type = builder.user(memberId) != null ? MemberType.USER
                        : builder.group(memberId) != null ? MemberType.GROUP : null;
                check(type != null, "members that exist");
                builder.addMember(groupId, memberId, type);
            }
        });
    }

    private String plainKey() {
        Event event = parser.getEvent();
        check(event instanceof ScalarEvent scalar && scalar.getAnchor() == null && scalar.getTag() == null, "a plain key");
        return ((ScalarEvent) event).getValue();
    }

    private String plainItem() {
        Event event = parser.getEvent();
        check(event instanceof ScalarEvent scalar && scalar.getAnchor() == null && scalar.getTag() == null, "a plain list item");
        return ((ScalarEvent) event).getValue();
    }

    private void collectionStart(Event.ID id) {
        Event event = parser.getEvent();
        check(event.is(id) && plainCollection(event), "a " + id);
    }

    private static boolean plainCollection(Event event) {
        return ((NodeEvent) event).getAnchor() == null && ((CollectionStartEvent) event).getTag() == null;
    }

    private void expect(Event.ID id) {
        check(parser.getEvent().is(id), "a " + id);
    }

    private static void check(boolean condition, String expected) {
        if (!condition) {
            throw new Declined("expected " + expected);
        }
    }

    enum Kind { NULL, BOOL, TEXT }

    /**
     * What the thorough reader makes of an untagged scalar: a plain one is resolved as YAML
     * 1.1 null ({@code ~}, {@code null}, empty…) or boolean ({@code true}, {@code yes},
     * {@code off}…), of which only true and false become booleans (yes, on, off… stay text,
     * as written); a quoted one is text.
     */
    static Kind kind(ScalarEvent scalar) {
        if (!scalar.getImplicit().canOmitTagInPlainScalar()) {
            return Kind.TEXT;
        }
        return implicitKind(scalar.getValue());
    }

    static Kind implicitKind(String value) {
        return switch (value) {
            case "", "~", "null", "Null", "NULL", " " -> Kind.NULL;
            case "true", "True", "TRUE", "false", "False", "FALSE" -> Kind.BOOL;
            default -> Kind.TEXT;
        };
    }

    /** A null value: present (so {@code members:} counts as a key) but no value. */
    private enum Null { NULL }
}
