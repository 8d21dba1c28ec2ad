package io.scimflow.producer.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the local directory YAML format (see the module README): top-level {@code appRoles},
 * {@code users} and {@code groups}. Users and groups carry Graph attributes by name, plus
 * {@code id}, {@code deletedDateTime} (soft-deleted when set), {@code appRoleAssignments}
 * (roles by value, display name or id) and, for groups, {@code members} (user or group ids).
 * Every error names the file and the line.
 *
 * <p>{@link #read} and {@link #parse} take the fastest way that applies ({@link
 * WrittenLayoutReader} for the writer's layout, {@link PlainDirectoryReader} for plain files);
 * those decline anything unusual or wrong, and then this class composes the whole document
 * and walks it (the thorough reading), which defines the format and words every error.
 */
public final class LocalDirectoryReader {

    static final String ID = "id";
    static final String DELETED = "deletedDateTime";
    static final String ASSIGNMENTS = "appRoleAssignments";
    static final String MEMBERS = "members";

    private final String file;

    private LocalDirectoryReader(String file) {
        this.file = file;
    }

    /**
     * Reads the file as a stream, the fastest way that applies: line by line when it has the
     * writer's layout ({@link WrittenLayoutReader}), else from SnakeYAML's events when it is
     * plain ({@link PlainDirectoryReader}); when both decline (the file uses more of YAML, or
     * has an error), the thorough way, which gives the result or the error with its line.
     */
    public static Directory read(Path path) {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return WrittenLayoutReader.read(reader);
        } catch (IOException | RuntimeException e) {
            // Declined (or not readable): next way.
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return PlainDirectoryReader.read(reader, options());
        } catch (IOException | RuntimeException e) {
            // Declined, not valid YAML or not readable: the thorough reading says which, and where.
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocalDirectoryException("Cannot read the local directory " + path + ": " + e, e);
        }
        return thorough(text, path.toString());
    }

    public static Directory parse(String yaml, String fileName) {
        try {
            return WrittenLayoutReader.read(new BufferedReader(new StringReader(yaml)));
        } catch (IOException | RuntimeException e) {
            // Declined: next way.
        }
        try {
            return PlainDirectoryReader.read(new StringReader(yaml), options());
        } catch (RuntimeException e) {
            return thorough(yaml, fileName);
        }
    }

    /** Composes the whole document into a node tree first: every construct of YAML, every error with its line. */
    static Directory thorough(String yaml, String fileName) {
        return new LocalDirectoryReader(fileName).parse(new StringReader(yaml));
    }

    static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    private Directory parse(Reader reader) {
        LoaderOptions options = options();
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options,
                    new TextAndBooleanResolver()).compose(reader);
        } catch (YAMLException e) {
            throw new LocalDirectoryException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        DirectoryBuilder builder = new DirectoryBuilder();
        if (root == null) {
            return builder.build();
        }
        MappingNode top = mapping(root, "the document");
        Map<String, Node> sections = new LinkedHashMap<>();
        for (NodeTuple tuple : top.getValue()) {
            String key = scalar(tuple.getKeyNode(), "a top-level key");
            if (!List.of("appRoles", "users", "groups").contains(key)) {
                throw error(tuple.getKeyNode(), "unknown top-level key '" + key + "' (expected appRoles, users, groups)");
            }
            sections.put(key, tuple.getValueNode());
        }
        RoleIndex roles = new RoleIndex();
        for (Node node : items(sections.get("appRoles"), "appRoles")) {
            Map<String, Node> fields = fields(node, "an app role");
            String id = required(fields, node, ID, "app role");
            AppRole role = new AppRole(id, optional(fields, "value"), optional(fields, "displayName"));
            builder.putAppRole(role);
            roles.add(role);
        }
        Map<String, Node> pendingMembers = new LinkedHashMap<>();
        List<Object[]> pendingGrants = new ArrayList<>();
        for (Node node : items(sections.get("users"), "users")) {
            Map<String, Node> fields = fields(node, "a user");
            String id = required(fields, node, ID, "user");
            if (builder.user(id) != null) {
                throw error(node, "duplicate user id '" + id + "'");
            }
            Instant deleted = instant(fields.get(DELETED));
            builder.putUser(new User(id, attributes(fields, List.of(ID, DELETED, ASSIGNMENTS)),
                    deleted == null ? ObjectState.ACTIVE : ObjectState.SOFT_DELETED, deleted));
            pendingGrants.add(new Object[] {id, PrincipalType.USER, fields.get(ASSIGNMENTS)});
        }
        for (Node node : items(sections.get("groups"), "groups")) {
            Map<String, Node> fields = fields(node, "a group");
            String id = required(fields, node, ID, "group");
            if (builder.group(id) != null || builder.user(id) != null) {
                throw error(node, "duplicate id '" + id + "' (ids are unique across users and groups)");
            }
            Instant deleted = instant(fields.get(DELETED));
            builder.putGroup(new Group(id, attributes(fields, List.of(ID, DELETED, ASSIGNMENTS, MEMBERS)),
                    deleted == null ? ObjectState.ACTIVE : ObjectState.SOFT_DELETED, deleted));
            pendingGrants.add(new Object[] {id, PrincipalType.GROUP, fields.get(ASSIGNMENTS)});
            if (fields.containsKey(MEMBERS)) {
                pendingMembers.put(id, fields.get(MEMBERS));
            }
        }
        pendingMembers.forEach((groupId, node) -> {
            for (Node member : items(node, "members of group " + groupId)) {
                String memberId = scalar(member, "a member id");
                MemberType type = builder.user(memberId) != null ? MemberType.USER
                        : builder.group(memberId) != null ? MemberType.GROUP : null;
                if (type == null) {
                    throw error(member, "group '" + groupId + "' has member '" + memberId + "', which is no user or group id");
                }
                builder.addMember(groupId, memberId, type);
            }
        });
        for (Object[] pending : pendingGrants) {
            Node node = (Node) pending[2];
            for (Node roleRef : items(node, ASSIGNMENTS)) {
                String ref = scalar(roleRef, "an app role");
                builder.grant(new AppRoleGrant((String) pending[0], (PrincipalType) pending[1], roles.resolve(ref, roleRef)));
            }
        }
        return builder.build();
    }

    private Map<String, Object> attributes(Map<String, Node> fields, List<String> reserved) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        fields.forEach((name, node) -> {
            if (reserved.contains(name)) {
                return;
            }
            if (node instanceof SequenceNode sequence) {
                List<String> values = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                    values.add(scalar(item, "an item of " + name));
                }
                attributes.put(name, values);
            } else if (node instanceof ScalarNode scalar) {
                if (scalar.getTag().equals(Tag.NULL)) {
                    return;
                }
                String value = scalar.getValue();
                String lower = value.toLowerCase(Locale.ROOT);
                boolean bool = scalar.getTag().equals(Tag.BOOL) && (lower.equals("true") || lower.equals("false"));
                attributes.put(name, bool ? (Object) Boolean.valueOf(lower) : value);
            } else {
                throw error(node, "attribute '" + name + "' must be a text, a boolean or a list");
            }
        });
        return attributes;
    }

    private Instant instant(Node node) {
        if (node == null || (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
            return null;
        }
        String text = scalar(node, DELETED);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw error(node, DELETED + " '" + text + "' is not an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private List<Node> items(Node node, String what) {
        if (node == null || (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
            return List.of();
        }
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        throw error(node, what + " must be a list");
    }

    private Map<String, Node> fields(Node node, String what) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping(node, what).getValue()) {
            fields.put(scalar(tuple.getKeyNode(), "a key"), tuple.getValueNode());
        }
        return fields;
    }

    private MappingNode mapping(Node node, String what) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw error(node, what + " must be a mapping (key: value)");
    }

    private String scalar(Node node, String what) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw error(node, what + " must be a single value");
    }

    private String required(Map<String, Node> fields, Node owner, String key, String what) {
        String value = optional(fields, key);
        if (value == null || value.isBlank()) {
            throw error(owner, "a " + what + " needs '" + key + "'");
        }
        return value;
    }

    private String optional(Map<String, Node> fields, String key) {
        Node node = fields.get(key);
        if (node == null || (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
            return null;
        }
        return scalar(node, key);
    }

    private LocalDirectoryException error(Node node, String message) {
        return new LocalDirectoryException(file + " line " + (node.getStartMark().getLine() + 1) + ": " + message);
    }

    /**
     * Resolves plain scalars only as booleans, nulls or text: numbers and dates stay text
     * (attribute values are text), and the reader skips the cost of matching every value
     * against the other implicit types.
     */
    static final class TextAndBooleanResolver extends Resolver {

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }

    /** App roles by id, value and display name; errors name the line of the reference. */
    private final class RoleIndex {

        private final AppRoleReferences references = new AppRoleReferences();

        void add(AppRole role) {
            references.add(role);
        }

        String resolve(String ref, Node node) {
            if (references.ambiguous(ref)) {
                throw error(node, "app role '" + ref + "' is ambiguous: several roles have this value or display name; use the role id");
            }
            String id = references.id(ref);
            if (id == null) {
                throw error(node, "unknown app role '" + ref + "' (declare it under appRoles, or use Default Access)");
            }
            return id;
        }
    }
}
