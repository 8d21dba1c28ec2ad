package io.scimflow.producer.local;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.scimflow.producer.model.AppRole;
import io.scimflow.producer.model.AppRoleGrant;
import io.scimflow.producer.model.Directory;
import io.scimflow.producer.model.Group;
import io.scimflow.producer.model.Membership;
import io.scimflow.producer.model.User;

/**
 * Writes a directory in the local YAML format that {@link LocalDirectoryReader} reads, with
 * comments naming each group member, atomically (a temporary file moved over the old one).
 */
public final class LocalDirectoryWriter {

    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._@+\\-/()]*[\\p{L}\\p{N}._)]|[\\p{L}\\p{N}]");
    private static final Pattern YAML_SPECIAL = Pattern.compile(
            "(?i)(true|false|yes|no|on|off|y|n|null|~)|[-+]?[0-9][0-9_.:eE+\\-]*|[0-9]{4}-[0-9]{2}-[0-9]{2}.*|\\.(inf|nan)");

    private LocalDirectoryWriter() {
    }

    /** Writes atomically: readers of {@code path} see the old or the new file, never a part. */
    public static void write(Path path, Directory directory) {
        Path absolute = path.toAbsolutePath();
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8), 1 << 16)) {
                write(out, directory);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the local directory " + path + ": " + e.getMessage(), e);
        }
    }

    public static String toYaml(Directory directory) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            write(out, directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static void write(Writer out, Directory directory) throws IOException {
        Map<String, List<String>> rolesOf = new HashMap<>();
        for (AppRoleGrant grant : directory.grants()) {
            rolesOf.computeIfAbsent(grant.principalId(), id -> new ArrayList<>()).add(roleRef(directory, grant.appRoleId()));
        }
        Map<String, List<Membership>> membersOf = new HashMap<>();
        for (Membership membership : directory.memberships()) {
            membersOf.computeIfAbsent(membership.groupId(), id -> new ArrayList<>()).add(membership);
        }
        out.write("# scimflow local directory (format: directory-producer/README.md, \"Local directory format\")\n");
        out.write("appRoles:\n");
        for (AppRole role : directory.appRoles().values()) {
            out.write("  - id: " + scalar(role.id()) + "\n");
            if (role.value() != null) {
                out.write("    value: " + scalar(role.value()) + "\n");
            }
            if (role.displayName() != null) {
                out.write("    displayName: " + scalar(role.displayName()) + "\n");
            }
        }
        out.write("users:\n");
        for (User user : directory.users().values()) {
            out.write("  - id: " + scalar(user.id()) + "\n");
            attributes(out, user.attributes());
            if (user.deletedAt() != null) {
                out.write("    " + LocalDirectoryReader.DELETED + ": " + scalar(user.deletedAt().toString()) + "\n");
            }
            list(out, LocalDirectoryReader.ASSIGNMENTS, rolesOf.get(user.id()));
        }
        out.write("groups:\n");
        for (Group group : directory.groups().values()) {
            out.write("  - id: " + scalar(group.id()) + "\n");
            attributes(out, group.attributes());
            if (group.deletedAt() != null) {
                out.write("    " + LocalDirectoryReader.DELETED + ": " + scalar(group.deletedAt().toString()) + "\n");
            }
            list(out, LocalDirectoryReader.ASSIGNMENTS, rolesOf.get(group.id()));
            List<Membership> members = membersOf.get(group.id());
            if (members != null && !members.isEmpty()) {
                out.write("    " + LocalDirectoryReader.MEMBERS + ":\n");
                for (Membership member : members) {
                    out.write("      - " + scalar(member.memberId()) + comment(directory, member) + "\n");
                }
            }
        }
    }

    private static String comment(Directory directory, Membership member) {
        String name = switch (member.memberType()) {
            case USER -> directory.users().get(member.memberId()) == null ? null : directory.users().get(member.memberId()).displayName();
            case GROUP -> directory.groups().get(member.memberId()) == null ? null : "group " + directory.groups().get(member.memberId()).displayName();
            case OTHER -> null;
        };
        return name == null ? "" : "  # " + name.replace('\n', ' ');
    }

    private static String roleRef(Directory directory, String roleId) {
        AppRole role = directory.appRole(roleId);
        if (role == null) {
            return roleId;
        }
        return role.value() != null ? role.value() : role.displayName() != null ? role.displayName() : role.id();
    }

    private static void attributes(Writer out, Map<String, Object> attributes) throws IOException {
        for (Map.Entry<String, Object> entry : attributes.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof List<?> list) {
                out.write("    " + entry.getKey() + ": [");
                for (int i = 0; i < list.size(); i++) {
                    out.write((i == 0 ? "" : ", ") + scalar(String.valueOf(list.get(i))));
                }
                out.write("]\n");
            } else {
                out.write("    " + entry.getKey() + ": " + (value instanceof Boolean ? value.toString() : scalar(value.toString())) + "\n");
            }
        }
    }

    private static void list(Writer out, String key, List<String> values) throws IOException {
        if (values == null || values.isEmpty()) {
            return;
        }
        out.write("    " + key + ": [");
        for (int i = 0; i < values.size(); i++) {
            out.write((i == 0 ? "" : ", ") + scalar(values.get(i)));
        }
        out.write("]\n");
    }

    /** A plain scalar when that reads back as the same text, else a double-quoted one. */
    static String scalar(String value) {
        if (PLAIN.matcher(value).matches() && !YAML_SPECIAL.matcher(value).matches()) {
            return value;
        }
        return quoted(value);
    }

    static String quoted(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
