package io.scimflow.producer.local;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import io.scimflow.producer.model.AppRole;
import io.scimflow.producer.model.AppRoleGrant;
import io.scimflow.producer.model.Directory;
import io.scimflow.producer.model.DirectoryBuilder;
import io.scimflow.producer.model.Group;
import io.scimflow.producer.model.MemberType;
import io.scimflow.producer.model.ObjectState;
import io.scimflow.producer.model.PrincipalType;
import io.scimflow.producer.model.User;

/**
 * Generates a realistic directory, deterministically from a seed (the same arguments give
 * the same directory, byte for byte once written): users with unicode and diacritic names,
 * department groups assigned the Miro "Member" role, an admin group assigned "Company Admin",
 * a contractors group assigned Default Access, a group nested in an assigned group (its
 * members are out of scope), an unassigned group; direct assignments, Default-Access-only
 * users, disabled users ({@code accountEnabled: false}), soft-deleted users and users with
 * no assignment. Fast enough for 100,000 users (about a second).
 *
 * <p>Shares of users: 60% through a department group, 10% direct "Member", 5% Default Access
 * only, 3% Company Admin (group), 7% only in the nested group (out of scope), 15% unassigned;
 * independently 3% disabled, 2% soft-deleted, 5% guests.
 */
public final class SyntheticDirectory {

    public static final String MEMBER_ROLE_VALUE = "ORGANIZATION_INTERNAL_USER";
    public static final String ADMIN_ROLE_VALUE = "ORGANIZATION_INTERNAL_ADMIN";
    public static final AppRole MEMBER = new AppRole(uuid("app-role/member"), MEMBER_ROLE_VALUE, "Member");
    public static final AppRole COMPANY_ADMIN = new AppRole(uuid("app-role/company-admin"), ADMIN_ROLE_VALUE, "Company Admin");

    /** Users, groups and seed of the shipped {@code sample-directory.yaml}. */
    public static final int SAMPLE_USERS = 300;
    public static final int SAMPLE_GROUPS = 12;
    public static final long SAMPLE_SEED = 20261128L;

    private static final String[] GIVEN = {"Zoë", "Łukasz", "José", "Søren", "Anna", "Mohammed", "Wei", "Aiko", "Olga",
        "Fatima", "Chloé", "Björn", "Siobhán", "Thảo", "Ines", "Jürgen", "Ana María", "Nikolaj", "Priya", "Kwame",
        "Émile", "Dagný", "Małgorzata", "Oğuz", "Renée", "Åsa", "Hiroshi", "Carlos", "Leïla", "Tomás", "Ewa", "Jan"};
    private static final String[] SURNAMES = {"Ångström", "Ñuñez", "Nguyễn", "Dvořák", "Müller", "O'Brien", "Özdemir",
        "Kowalski", "Nakamura", "Gómez", "Çelik", "Þórsdóttir", "Smith", "García", "Jensen", "Łęcka", "Novák",
        "Papadopoulos", "Ibáñez", "Lefèvre", "Sørensen", "Yılmaz", "Kim", "Mensah", "Haraldsdóttir", "Schäfer",
        "Wiśniewski", "Rossi", "Dubois", "Tanaka", "Østergaard", "Pérez"};
    private static final String[] DEPARTMENTS = {"Engineering", "Sales", "Marketing", "Finance", "Support", "Research",
        "Légal & Conformité", "Operations", "Design", "People"};
    private static final String[] TITLES = {"Engineer", "Senior Engineer", "Account Executive", "Analyst", "Manager",
        "Designer", "Support Specialist", "Director", "Researcher", "Coordinator"};
    private static final String[][] PLACES = {{"Amsterdam", "NL", "Netherlands", "nl-NL"}, {"Kraków", "PL", "Poland", "pl-PL"},
        {"São Paulo", "BR", "Brazil", "pt-BR"}, {"København", "DK", "Denmark", "da-DK"}, {"Hà Nội", "VN", "Vietnam", "vi-VN"},
        {"Zürich", "CH", "Switzerland", "de-CH"}, {"Seattle", "US", "United States", "en-US"}, {"Málaga", "ES", "Spain", "es-ES"},
        {"Tōkyō", "JP", "Japan", "ja-JP"}, {"Reykjavík", "IS", "Iceland", "is-IS"}};

    private SyntheticDirectory() {
    }

    /** The shipped sample directory. */
    public static Directory sample() {
        return generate(SAMPLE_USERS, SAMPLE_GROUPS, SAMPLE_SEED);
    }

    /** Generates and writes a directory to {@code path} in the local YAML format. */
    public static void write(Path path, int users, int groups, long seed) {
        LocalDirectoryWriter.write(path, generate(users, groups, seed));
    }

    /**
     * @param users  number of users (1 to 1,000,000)
     * @param groups number of groups, at least 5 (admins, contractors, nested, unassigned, one department)
     * @param seed   the same seed gives the same directory
     */
    public static Directory generate(int users, int groups, long seed) {
        if (users < 1 || users > 1_000_000) {
            throw new IllegalArgumentException("users must be between 1 and 1000000, was " + users);
        }
        if (groups < 5) {
            throw new IllegalArgumentException("groups must be at least 5, was " + groups);
        }
        SplittableRandom random = new SplittableRandom(seed);
        DirectoryBuilder directory = new DirectoryBuilder();
        directory.putAppRole(AppRole.DEFAULT_ACCESS).putAppRole(MEMBER).putAppRole(COMPANY_ADMIN);

        int departmentGroups = groups - 4;
        Group admins = group(random, "Miro Company Admins", "Administrators of the company's Miro account", null);
        Group contractors = group(random, "Contractors", "External contractors (Default Access only)", null);
        List<Group> departments = new ArrayList<>();
        for (int i = 0; i < departmentGroups; i++) {
            String department = DEPARTMENTS[i % DEPARTMENTS.length];
            String name = i < DEPARTMENTS.length ? department : department + " " + (i / DEPARTMENTS.length + 1);
            departments.add(group(random, name, "Everyone in " + name, department));
        }
        Group nested = group(random, departments.get(0).displayName() + " – Platform Guild",
                "Nested in " + departments.get(0).displayName() + "; its own members are not in scope", null);
        Group unassigned = group(random, "Bike Club", "Not assigned to the application", null);
        for (Group group : List.of(admins, contractors)) {
            directory.putGroup(group);
        }
        departments.forEach(directory::putGroup);
        directory.putGroup(nested).putGroup(unassigned);
        directory.grant(new AppRoleGrant(admins.id(), PrincipalType.GROUP, COMPANY_ADMIN.id()));
        directory.grant(new AppRoleGrant(contractors.id(), PrincipalType.GROUP, AppRole.DEFAULT_ACCESS_ID));
        departments.forEach(g -> directory.grant(new AppRoleGrant(g.id(), PrincipalType.GROUP, MEMBER.id())));
        directory.addMember(departments.get(0).id(), nested.id(), MemberType.GROUP);

        Instant deletedBase = Instant.parse("2026-10-01T08:00:00Z");
        for (int i = 0; i < users; i++) {
            String given = GIVEN[random.nextInt(GIVEN.length)];
            String surname = SURNAMES[random.nextInt(SURNAMES.length)];
            String[] place = PLACES[random.nextInt(PLACES.length)];
            int bucket = random.nextInt(100);
            Group home = departments.get(random.nextInt(departments.size()));
            String department = String.valueOf(home.attributes().getOrDefault("department", DEPARTMENTS[0]));
            boolean guest = random.nextInt(100) < 5;
            String login = ascii(given) + "." + ascii(surname) + (i + 1);
            String domain = guest ? "partner.example" : "contoso.example";
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("userPrincipalName", guest ? login + "_" + domain.replace('.', '_') + "#EXT#@contoso.example" : login + "@" + domain);
            attributes.put("mail", login + "@" + domain);
            attributes.put("mailNickname", login);
            attributes.put("givenName", given);
            attributes.put("surname", surname);
            attributes.put("displayName", given + " " + surname);
            attributes.put("jobTitle", TITLES[random.nextInt(TITLES.length)]);
            attributes.put("department", department);
            attributes.put("companyName", "Contoso");
            attributes.put("employeeId", String.format(Locale.ROOT, "E%07d", i + 1));
            attributes.put("city", place[0]);
            attributes.put("usageLocation", place[1]);
            attributes.put("country", place[2]);
            attributes.put("preferredLanguage", place[3]);
            attributes.put("businessPhones", List.of(String.format(Locale.ROOT, "+1 555 %04d", i % 10_000)));
            attributes.put("userType", guest ? "Guest" : "Member");
            attributes.put("accountEnabled", random.nextInt(100) >= 3);
            attributes.put("extensionAttribute1", "CC-" + (100 + random.nextInt(40)));
            boolean softDeleted = random.nextInt(100) < 2;
            User user = new User(uuid(seed, "user", i), attributes,
                    softDeleted ? ObjectState.SOFT_DELETED : ObjectState.ACTIVE,
                    softDeleted ? deletedBase.plusSeconds(random.nextInt(86_400 * 20)) : null);
            directory.putUser(user);
            if (bucket < 60) {
                directory.addMember(home.id(), user.id(), MemberType.USER);
            } else if (bucket < 70) {
                directory.grant(new AppRoleGrant(user.id(), PrincipalType.USER, MEMBER.id()));
            } else if (bucket < 75) {
                directory.grant(new AppRoleGrant(user.id(), PrincipalType.USER, AppRole.DEFAULT_ACCESS_ID));
            } else if (bucket < 78) {
                directory.addMember(admins.id(), user.id(), MemberType.USER);
            } else if (bucket < 85) {
                directory.addMember(nested.id(), user.id(), MemberType.USER);
            } else if (bucket < 90) {
                directory.addMember(unassigned.id(), user.id(), MemberType.USER);
            }
            if (bucket >= 95) {
                directory.addMember(contractors.id(), user.id(), MemberType.USER);
            }
        }
        return directory.build();
    }

    private static Group group(SplittableRandom random, String name, String description, String department) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("displayName", name);
        attributes.put("description", description);
        attributes.put("mailNickname", ascii(name).replace(' ', '-'));
        attributes.put("mailEnabled", false);
        attributes.put("securityEnabled", true);
        if (department != null) {
            attributes.put("department", department);
        }
        return Group.active(uuid("group/" + name + "/" + random.nextInt()), attributes);
    }

    /** Lower-case ASCII for logins: diacritics dropped, letters without a decomposition spelled out. */
    static String ascii(String text) {
        String folded = text.replace("Ł", "L").replace("ł", "l").replace("Ø", "O").replace("ø", "o")
                .replace("Þ", "Th").replace("þ", "th").replace("ß", "ss").replace("Æ", "Ae").replace("æ", "ae")
                .replace("ı", "i").replace("Đ", "D").replace("đ", "d");
        String stripped = Normalizer.normalize(folded, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return stripped.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private static String uuid(long seed, String kind, int index) {
        long hi = mix(mix(seed * 31 + kind.hashCode()) ^ index);
        long lo = mix(hi + 0x9E3779B97F4A7C15L * (index + 1));
        return new UUID((hi & 0xFFFFFFFFFFFF0FFFL) | 0x4000L, (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
