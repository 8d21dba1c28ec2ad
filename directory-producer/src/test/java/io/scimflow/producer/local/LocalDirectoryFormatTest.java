package io.scimflow.producer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.scimflow.producer.assignment.AssignmentResolver;
import io.scimflow.producer.assignment.Assignments;
import io.scimflow.producer.model.AppRole;
import io.scimflow.producer.model.AppRoleGrant;
import io.scimflow.producer.model.Directory;
import io.scimflow.producer.model.MemberType;
import io.scimflow.producer.model.Membership;
import io.scimflow.producer.model.ObjectState;
import io.scimflow.producer.model.PrincipalType;
import io.scimflow.producer.model.User;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryFormatTest {

    static final String YAML = """
            appRoles:
              - id: r-admin
                value: ORGANIZATION_INTERNAL_ADMIN
                displayName: Company Admin
            users:
              - id: u1
                userPrincipalName: zoe@contoso.example
                displayName: "Zoë: the \\"first\\""
                accountEnabled: false
                businessPhones: ["+1 555 0100", "+1 555 0101"]
                employeeId: 00042
                extension_abc_costCenter: "1234"
                appRoleAssignments: [Company Admin]
              - id: u2
                displayName: Łukasz
                deletedDateTime: 2026-10-01T08:00:00Z
                appRoleAssignments: ["Default Access"]
            groups:
              - id: g1
                displayName: Admins
                securityEnabled: true
                appRoleAssignments: [r-admin]
                members:
                  - u2   # Łukasz
                  - g2
              - id: g2
                displayName: Nested
            """;

    @Test
    void readsUsersGroupsMembershipsRolesAndAssignments() {
        Directory directory = LocalDirectoryReader.parse(YAML, "test.yaml");

        User zoe = directory.users().get("u1");
        assertThat(zoe.attributes()).containsEntry("displayName", "Zoë: the \"first\"")
                .containsEntry("accountEnabled", false)
                .containsEntry("businessPhones", List.of("+1 555 0100", "+1 555 0101"))
                .containsEntry("employeeId", "00042")
                .containsEntry("extension_abc_costCenter", "1234");
        assertThat(directory.users().get("u2").state()).isEqualTo(ObjectState.SOFT_DELETED);
        assertThat(directory.users().get("u2").deletedAt()).isEqualTo(Instant.parse("2026-10-01T08:00:00Z"));
        assertThat(directory.memberships()).containsExactly(
                new Membership("g1", "u2", MemberType.USER), new Membership("g1", "g2", MemberType.GROUP));
        assertThat(directory.grants()).containsExactly(
                new AppRoleGrant("u1", PrincipalType.USER, "r-admin"),
                new AppRoleGrant("u2", PrincipalType.USER, AppRole.DEFAULT_ACCESS_ID),
                new AppRoleGrant("g1", PrincipalType.GROUP, "r-admin"));
    }

    @Test
    void writingAndReadingBackGivesTheSameDirectory() {
        Directory directory = LocalDirectoryReader.parse(YAML, "test.yaml");

        String written = LocalDirectoryWriter.toYaml(directory);
        Directory back = LocalDirectoryReader.parse(written, "written.yaml");

        assertThat(back).isEqualTo(directory);
        assertThat(written).contains("      - u2  # Łukasz").contains("employeeId: \"00042\"");
    }

    @Nested
    class Errors {

        @Test
        void anUnknownMemberNamesTheLine() {
            assertThatThrownBy(() -> LocalDirectoryReader.parse(YAML.replace("- g2\n", "- g9\n"), "dir.yaml"))
                    .isInstanceOf(LocalDirectoryException.class)
                    .hasMessage("dir.yaml line 25: group 'g1' has member 'g9', which is no user or group id");
        }

        @Test
        void anUnknownRoleNamesTheLine() {
            assertThatThrownBy(() -> LocalDirectoryReader.parse(YAML.replace("[Company Admin]", "[Boss]"), "dir.yaml"))
                    .hasMessageStartingWith("dir.yaml line 13: unknown app role 'Boss'");
        }

        @Test
        void aMissingIdAndBadYamlAreReported() {
            assertThatThrownBy(() -> LocalDirectoryReader.parse("users:\n  - displayName: x\n", "dir.yaml"))
                    .hasMessage("dir.yaml line 2: a user needs 'id'");
            assertThatThrownBy(() -> LocalDirectoryReader.parse("users: [\n", "dir.yaml"))
                    .hasMessageStartingWith("dir.yaml: not valid YAML");
            assertThatThrownBy(() -> LocalDirectoryReader.parse("people: []\n", "dir.yaml"))
                    .hasMessageContaining("line 1: unknown top-level key 'people'");
        }
    }

    @Nested
    class Synthetic {

        @Test
        void theShippedSampleIsTheGeneratorsOutput() throws IOException {
            try (InputStream in = getClass().getResourceAsStream("/sample-directory.yaml")) {
                String shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(shipped).isEqualTo(LocalDirectoryWriter.toYaml(SyntheticDirectory.sample()));
            }
        }

        @Test
        void theSampleHasEveryKindOfUserTheTestsAndDemosNeed() {
            Directory sample = SyntheticDirectory.sample();
            Assignments assignments = AssignmentResolver.resolve(sample);

            assertThat(sample.users()).hasSize(300);
            assertThat(sample.groups()).hasSize(12);
            assertThat(sample.users().values()).anyMatch(u -> u.displayName().contains("Zoë"))
                    .anyMatch(u -> u.displayName().contains("Ñuñez")).anyMatch(u -> u.displayName().contains("Nguyễn"));
            assertThat(sample.users().values()).anyMatch(u -> Boolean.FALSE.equals(u.attributes().get("accountEnabled")));
            assertThat(sample.users().values()).anyMatch(u -> u.state() == ObjectState.SOFT_DELETED);
            List<User> defaultAccessOnly = sample.users().values().stream().filter(u -> !assignments.ofUser(u.id()).isEmpty()
                    && assignments.ofUser(u.id()).stream().allMatch(a -> a.appRoleId().equals(AppRole.DEFAULT_ACCESS_ID))).toList();
            assertThat(defaultAccessOnly).isNotEmpty();
            assertThat(sample.users().values()).filteredOn(u -> assignments.ofUser(u.id()).isEmpty()).hasSizeGreaterThan(30);
            assertThat(sample.users().values()).anyMatch(u -> assignments.ofUser(u.id()).stream()
                    .anyMatch(a -> "ORGANIZATION_INTERNAL_ADMIN".equals(a.appRoleValue())));
            assertThat(sample.memberships()).anyMatch(m -> m.memberType() == MemberType.GROUP);
        }

        @Test
        void generationIsDeterministicAndWritesTheLocalFormat(@TempDir Path dir) {
            Path file = dir.resolve("synthetic.yaml");
            SyntheticDirectory.write(file, 5_000, 20, 7L);

            Directory read = LocalDirectoryReader.read(file);

            assertThat(read).isEqualTo(SyntheticDirectory.generate(5_000, 20, 7L));
            assertThat(read.users()).hasSize(5_000);
            assertThat(read.users().keySet()).doesNotHaveDuplicates();
            assertThat(SyntheticDirectory.generate(50, 5, 8L)).isNotEqualTo(SyntheticDirectory.generate(50, 5, 7L));
        }

        @Test
        void asciiLoginsDropDiacritics() {
            assertThat(SyntheticDirectory.ascii("Łukasz Ñuñez-Ångström Søren Þórsdóttir Nguyễn O'Brien"))
                    .isEqualTo("lukasz-nunez-angstrom-soren-thorsdottir-nguyen-obrien");
        }
    }

}
