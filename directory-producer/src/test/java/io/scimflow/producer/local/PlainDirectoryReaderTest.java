package io.scimflow.producer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import io.scimflow.producer.model.Directory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The fast path of the reader against the thorough one, file by file: the fast path either
 * declines or gives exactly the thorough reading (same directory, same order), and it declines
 * every file the thorough reading refuses, so errors keep their messages and lines.
 */
class PlainDirectoryReaderTest {

    private static final String BASE = LocalDirectoryFormatTest.YAML;

    /** Variants of the test directory: each a (from, to) replacement, or a whole file when from is null. */
    static List<String> variants() {
        List<String[]> edits = List.of(
                new String[] {null, ""},
                new String[] {null, "# only a comment\n"},
                new String[] {null, "---\n"},
                new String[] {null, "~\n"},
                new String[] {null, "[]\n"},
                new String[] {null, "users:\n"},
                new String[] {null, "users: ~\ngroups: null\nappRoles: []\n"},
                new String[] {null, "users: \"\"\n"},
                new String[] {null, "users: []\nusers: []\n"},
                new String[] {null, "users: [{id: a, displayName: A}, {id: b}]\n"},
                new String[] {null, "groups: [{id: g, members: [u]}]\nusers: [{id: u}]\n"},
                new String[] {null, "users: [{id: u}]\n---\nusers: [{id: v}]\n"},
                new String[] {null, "--- \nusers:\n  - id: u\n...\n"},
                new String[] {null, "users:\n  - id: x\n    v: &a one\n    w: *a\n"},
                new String[] {null, "users: &s\n  - id: x\n"},
                new String[] {null, "users:\n  - id: x\n    v: !!str true\n"},
                new String[] {null, "users:\n  - id: x\n    v: !!bool \"true\"\n"},
                new String[] {null, "users:\n  - !!map {id: x}\n"},
                new String[] {null, "users:\n  - id: x\n    ? [a]\n    : b\n"},
                new String[] {null, "users:\n  - id: x\n    v: {a: b}\n"},
                new String[] {null, "users:\n  - id: x\n    v: [[a]]\n"},
                new String[] {null, "users:\n  - id: x\n    v: [a, ~, true, \"q\"]\n    w: []\n"},
                new String[] {null, "users:\n  - id: x\n    v:\n      - a\n      - b\n"},
                new String[] {null, "users:\n  - id: x\n    a: yes\n    b: No\n    c: ON\n    d: off\n    e: TRUE\n    f: False\n    g: ~\n    h: null\n    i:\n    j: \"\"\n    k: 'true'\n"},
                new String[] {null, "users:\n  - id: x\n    n: 1.5\n    o: 0x1F\n    p: 2026-01-01\n    q: .inf\n    r: <<\n    s: =\n"},
                new String[] {null, "users:\n  - id: true\n"},
                new String[] {null, "users:\n  - id: \" \"\n"},
                new String[] {null, "users:\n  - id: ~\n"},
                new String[] {null, "users:\n  - id: [a]\n"},
                new String[] {null, "users:\n  - x\n"},
                new String[] {null, "users:\n  - id: a\n    id: b\n"},
                new String[] {null, "users:\n  - id: a\n  - id: a\n"},
                new String[] {null, "users:\n  - id: a\ngroups:\n  - id: a\n"},
                new String[] {null, "users:\n  - id: a\n    members: [b, c]\n"},
                new String[] {null, "groups:\n  - id: g\n    members:\n"},
                new String[] {null, "groups:\n  - id: g\n    members: u\n"},
                new String[] {null, "groups:\n  - id: g\n    members: [g]\n"},
                new String[] {null, "users:\n  - id: u\n    appRoleAssignments: Member\n"},
                new String[] {null, "users:\n  - id: u\n    appRoleAssignments: ~\n"},
                new String[] {null, "users:\n  - id: u\n    appRoleAssignments: [00000000-0000-0000-0000-000000000000, Default Access]\n"},
                new String[] {null, "appRoles:\n  - {id: r1, value: V}\n  - {id: r2, value: V}\nusers:\n  - {id: u, appRoleAssignments: [V]}\n"},
                new String[] {null, "appRoles:\n  - {id: r1, value: V, extra: {any: [thing]}}\nusers:\n  - {id: u, appRoleAssignments: [r1]}\n"},
                new String[] {null, "appRoles:\n  - {id: r1, value: true}\n"},
                new String[] {null, "appRoles:\n  - {value: V}\n"},
                new String[] {null, "users:\n  - id: u\n    deletedDateTime: ~\n"},
                new String[] {null, "users:\n  - id: u\n    deletedDateTime: yesterday\n"},
                new String[] {null, "users:\n  - id: u\n    deletedDateTime: \"2026-10-01T08:00:00.123456Z\"\n"},
                new String[] {null, "users:\n  - id: u\n    \"display\\u004eame\": Q\n    'x': 'it''s'\n    m: |\n      two\n      lines\n"},
                new String[] {null, "users: [\n"},
                new String[] {null, "users:\n  - id: u\n   bad: indent\n"},
                new String[] {null, "people: []\n"},
                new String[] {"- g2\n", "- g9\n"},
                new String[] {"[Company Admin]", "[Boss]"},
                new String[] {"[Company Admin]", "[Company Admin, Company Admin]"},
                new String[] {"accountEnabled: false", "accountEnabled: off"},
                new String[] {"employeeId: 00042", "employeeId: 42"},
                new String[] {"groups:", "groups: []\nother:"},
                new String[] {null, "# c\n\nusers:\n  - id: u1\n    a: \"q \\\" \\\\ \\n \\t \\r \\u0001 \\u00e9 x\"\n    b: [\"x, y\", z, true, ~]\n    c: []\n"
                        + "    d:\n    e: plain text (1) @ a.b/c+d_e-f\n    f: 2026-10-01\ngroups:\n  - id: g\n    members:\n      - u1  # Zoë\n"
                        + "      - \"u1\"\n    z: ~\n"},
                new String[] {null, "users:\n  - id: u1\n    a: b \n"},
                new String[] {null, "users:\n  - id: u1\n    a: b  c\n"},
                new String[] {null, "users:\n  - id: u1\n    a: b # c\n"},
                new String[] {null, "users:\n  - id: u1\n    a:\tb\n"},
                new String[] {null, "users:\n  - id: u1\n    a: \"b\tc\"\n"},
                new String[] {null, "users:\n  - id: u1\n    a: \"b\\x41\"\n"},
                new String[] {null, "users:\n  - id: u1\n    a: \"two\n      lines\"\n"},
                new String[] {null, "users:\n  - id: u1\n    a: [b,c]\n"},
                new String[] {null, "users:\n  - id: u1\n    a: [b ]\n"},
                new String[] {null, "users:\n  - id: u1\n    a:\n    - b\n"},
                new String[] {null, "users:\n  - id: u1\n    a:\n      - b\n     - c\n"},
                new String[] {null, "users:\n  - id: u1\n    id: u2\n"},
                new String[] {null, "users:\n  - id: u1\n    # comment\n    a: b\n"},
                new String[] {null, "users:\n  - id: u1\n# comment\n    a: b\n"},
                new String[] {null, "users:\r\n  - id: u1\r\n    a: b\r\n"},
                new String[] {null, "\uFEFFusers:\n  - id: u1\n"},
                new String[] {null, "users:\n  - id: u1\n    a: b\u2028c\n"},
                new String[] {null, "users:\n  - id: u1\n    a: \"b\u0085c\"\n"},
                new String[] {null, "users:\n  - id: u1\n    a: -b\n    c: b:c\n"},
                new String[] {null, "users:\n  - id: u1\n    a: b: c\n"},
                new String[] {null, "users:\n  - id: u1\n    accountEnabled: True\n    x: yes\n    y: NULL\n"},
                new String[] {null, "users:\n- id: u1\n"},
                new String[] {null, "users:\n  - id: u1\ngroups:\n  - id: g\n    members:\n      - u1 # one space\n      - u1\n"});
        return edits.stream().map(e -> e[0] == null ? e[1] : BASE.replace(e[0], e[1])).toList();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void theFastPathsGiveTheThoroughReadingOrDecline(String yaml) throws IOException {
        Throwable thoroughError = catchThrowable(() -> LocalDirectoryReader.thorough(yaml, "f.yaml"));
        Throwable fastError = catchThrowable(() -> PlainDirectoryReader.read(new StringReader(yaml), LocalDirectoryReader.options()));
        Throwable layoutError = catchThrowable(() -> WrittenLayoutReader.read(new BufferedReader(new StringReader(yaml))));
        if (thoroughError != null) {
            assertThat(thoroughError).isInstanceOf(LocalDirectoryException.class);
            assertThat(fastError).as("the fast path must not accept a file the format refuses").isNotNull();
            assertThat(layoutError).as("the layout path must not accept a file the format refuses").isNotNull();
            assertThat(catchThrowable(() -> LocalDirectoryReader.parse(yaml, "f.yaml"))).hasMessage(thoroughError.getMessage());
            return;
        }
        Directory thorough = LocalDirectoryReader.thorough(yaml, "f.yaml");
        assertThat(LocalDirectoryReader.parse(yaml, "f.yaml")).isEqualTo(thorough);
        if (fastError == null) {
            sameReading(PlainDirectoryReader.read(new StringReader(yaml), LocalDirectoryReader.options()), thorough);
        }
        if (layoutError == null) {
            sameReading(WrittenLayoutReader.read(new BufferedReader(new StringReader(yaml))), thorough);
        }
    }

    /** Same directory, in the same order (what the writer would write back). */
    private static void sameReading(Directory fast, Directory thorough) {
        assertThat(fast).isEqualTo(thorough);
        assertThat(LocalDirectoryWriter.toYaml(fast)).isEqualTo(LocalDirectoryWriter.toYaml(thorough));
        assertThat(List.copyOf(fast.users().keySet())).isEqualTo(List.copyOf(thorough.users().keySet()));
        assertThat(List.copyOf(fast.grants())).isEqualTo(List.copyOf(thorough.grants()));
        assertThat(List.copyOf(fast.memberships())).isEqualTo(List.copyOf(thorough.memberships()));
    }

    @Test
    void theWritersFilesTakeTheFastPaths() throws IOException {
        Directory synthetic = SyntheticDirectory.generate(2_000, 12, 3L);
        String yaml = LocalDirectoryWriter.toYaml(synthetic);

        Directory fast = PlainDirectoryReader.read(new StringReader(yaml), LocalDirectoryReader.options());
        Directory layout = WrittenLayoutReader.read(new BufferedReader(new StringReader(yaml)));

        assertThat(fast).isEqualTo(synthetic).isEqualTo(LocalDirectoryReader.thorough(yaml, "synthetic.yaml"));
        assertThat(LocalDirectoryWriter.toYaml(fast)).isEqualTo(yaml);
        assertThat(layout).isEqualTo(synthetic);
        assertThat(LocalDirectoryWriter.toYaml(layout)).isEqualTo(yaml);
    }

    @Test
    void theTestDirectoryTakesTheFastPath() {
        assertThat(PlainDirectoryReader.read(new StringReader(BASE), LocalDirectoryReader.options()))
                .isEqualTo(LocalDirectoryReader.thorough(BASE, "test.yaml"));
    }

    @Test
    void aDeclinedFileIsReportedByTheThoroughReading() {
        assertThatThrownBy(() -> PlainDirectoryReader.read(new StringReader("users:\n  - id: a\n  - id: a\n"), LocalDirectoryReader.options()))
                .isInstanceOf(PlainDirectoryReader.Declined.class);
        assertThatThrownBy(() -> LocalDirectoryReader.parse("users:\n  - id: a\n  - id: a\n", "dup.yaml"))
                .hasMessage("dup.yaml line 3: duplicate user id 'a'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "~", "null", "Null", "NULL", "nULL", "true", "True", "TRUE", "tRUE", "false", "False", "FALSE",
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "n", "Y", "N", "0", "1", "1.5", "t",
        "f", "nan", ".nan", "~~", "None", "truthy", "offline", "Contoso"})
    void plainScalarsResolveAsTheThoroughReaderResolvesThem(String value) {
        Tag tag = new LocalDirectoryReader.TextAndBooleanResolver().resolve(NodeId.scalar, value, true);
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        PlainDirectoryReader.Kind expected = tag.equals(Tag.NULL) ? PlainDirectoryReader.Kind.NULL
                : tag.equals(Tag.BOOL) && (lower.equals("true") || lower.equals("false")) ? PlainDirectoryReader.Kind.BOOL
                : PlainDirectoryReader.Kind.TEXT;

        assertThat(PlainDirectoryReader.implicitKind(value)).isEqualTo(expected);
    }
}
