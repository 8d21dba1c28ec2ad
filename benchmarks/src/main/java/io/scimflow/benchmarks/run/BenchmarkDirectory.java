package io.scimflow.benchmarks.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Map;

import io.scimflow.producer.local.LocalDirectoryWriter;
import io.scimflow.producer.local.SyntheticDirectory;
import io.scimflow.producer.model.AppRoleGrant;
import io.scimflow.producer.model.Directory;
import io.scimflow.producer.model.DirectoryBuilder;
import io.scimflow.producer.model.Group;
import io.scimflow.producer.model.MemberType;
import io.scimflow.producer.model.Membership;
import io.scimflow.producer.model.ObjectState;
import io.scimflow.producer.model.PrincipalType;
import io.scimflow.producer.model.User;

/**
 * The synthetic directory of a run, written aside first and moved into place at once, so that
 * the sync starts at a known instant and not while a large file is being written. Two shapes:
 * <ul>
 * <li>{@link #realistic}: the producer's generator as is (about 69 % of users in scope, through
 * department groups that are Miro teams, so the sync also adds members to teams);</li>
 * <li>{@link #flat}: the same users, every one enabled and assigned Member directly, no groups:
 * one user = one create, which is what a loop of POSTs does.</li>
 * </ul>
 */
public final class BenchmarkDirectory {

    public static final long SEED = 20261128L;

    private final Directory directory;
    private final int users;

    private BenchmarkDirectory(Directory directory, int users) {
        this.directory = directory;
        this.users = users;
    }

    /** {@code users} users in {@code max(12, users / 500)} groups. */
    public static BenchmarkDirectory realistic(int users) {
        return new BenchmarkDirectory(SyntheticDirectory.generate(users, groupsFor(users), SEED), users);
    }

    /** {@code users} users of the generator, all enabled, active and assigned Member directly; no groups. */
    public static BenchmarkDirectory flat(int users) {
        Directory generated = SyntheticDirectory.generate(users, groupsFor(users), SEED);
        DirectoryBuilder flat = new DirectoryBuilder();
        generated.appRoles().values().forEach(flat::putAppRole);
        for (User user : generated.users().values()) {
            Map<String, Object> attributes = new LinkedHashMap<>(user.attributes());
            attributes.put("accountEnabled", true);
            flat.putUser(new User(user.id(), attributes, ObjectState.ACTIVE, null));
            flat.grant(new AppRoleGrant(user.id(), PrincipalType.USER, SyntheticDirectory.MEMBER.id()));
        }
        return new BenchmarkDirectory(flat.build(), users);
    }

    /** {@code flat} or {@code realistic}. */
    public static BenchmarkDirectory of(String shape, int users) {
        return switch (shape) {
            case "flat" -> flat(users);
            case "realistic" -> realistic(users);
            default -> throw new IllegalArgumentException("Unknown directory shape '" + shape + "': expected flat or realistic");
        };
    }

    static int groupsFor(int users) {
        return Math.max(12, users / 500);
    }

    public Directory directory() {
        return directory;
    }

    public int users() {
        return users;
    }

    /**
     * The same directory with only its first {@code count} users (in generation order), their
     * memberships and their grants; every group stays. Used to warm the apps up with users the
     * measured directory also holds, so the measured sync publishes only the others.
     */
    public BenchmarkDirectory firstUsers(int count) {
        if (count < 0 || count > users) {
            throw new IllegalArgumentException("firstUsers(" + count + ") of a directory of " + users + " users");
        }
        Map<String, User> kept = new LinkedHashMap<>();
        directory.users().values().stream().limit(count).forEach(u -> kept.put(u.id(), u));
        List<Membership> memberships = directory.memberships().stream()
                .filter(m -> m.memberType() != MemberType.USER || kept.containsKey(m.memberId())).toList();
        Set<AppRoleGrant> grants = directory.grants().stream()
                .filter(g -> g.principalType() != PrincipalType.USER || kept.containsKey(g.principalId()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new BenchmarkDirectory(new Directory(kept, directory.groups(), memberships, directory.appRoles(), grants), count);
    }

    /** Display names of the groups: the teams that exist in "Miro" before the sync. */
    public List<String> groupNames() {
        return directory.groups().values().stream().map(Group::displayName).sorted().toList();
    }

    /** An empty directory: the pipeline starts on it and is idle before the benchmark's directory appears. */
    public static void writeEmpty(Path file) {
        LocalDirectoryWriter.write(file, Directory.EMPTY);
    }

    /** Writes the directory next to {@code file}; {@link #moveIntoPlace} makes it visible. */
    public Path writeAside(Path file) {
        Path aside = file.resolveSibling(file.getFileName() + ".next");
        LocalDirectoryWriter.write(aside, directory);
        return aside;
    }

    public static void moveIntoPlace(Path aside, Path file) {
        try {
            Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + aside + " to " + file, e);
        }
    }
}
