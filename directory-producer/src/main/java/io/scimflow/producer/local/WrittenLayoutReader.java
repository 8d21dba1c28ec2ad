package io.scimflow.producer.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.scimflow.producer.local.PlainDirectoryReader.Declined;
import io.scimflow.producer.model.Directory;

/**
 * The fastest path of {@link LocalDirectoryReader}: reads, line by line and without a YAML
 * scanner, files in exactly the layout {@link LocalDirectoryWriter} writes (what the
 * synthetic directories and the producer's own edits produce):
 * <pre>
 * # comment lines, blank lines
 * users:                          top-level keys, alone on their line, in the order appRoles, users, groups
 *   - id: VALUE                   an object starts with its id
 *     key: VALUE                  a field: a value, a flow list [VALUE, VALUE] or nothing (null,
 *     members:                    or the block list of the lines that follow)
 *       - VALUE  # comment
 * </pre>
 * where VALUE is a plain scalar of letters, digits and {@code  ._@+-/()} that starts with a
 * letter or a digit and does not end with a space, or a double-quoted one on one line with the
 * escapes the writer uses. In that subset YAML's meaning is plain to see; any other line makes
 * it {@linkplain Declined decline}, and the reader tries the next, more general, path.
 */
final class WrittenLayoutReader {

    private final BufferedReader in;
    private final PlainDirectoryAssembler assembler = new PlainDirectoryAssembler();
    /**
     * One String per distinct key and per frequent value (company, country, department…):
     * a large directory repeats them in every object, and the directory keeps them all.
     */
    private final Map<String, String> shared = new HashMap<>();
    private static final int SHARED_LIMIT = 4096;

    private String line;
    private int pos;

    private WrittenLayoutReader(BufferedReader in) {
        this.in = in;
    }

    static Directory read(BufferedReader in) throws IOException {
        return new WrittenLayoutReader(in).read();
    }

    private Directory read() throws IOException {
        int section = -1;
        nextContentLine();
        while (line != null) {
            int index = switch (line) {
                case "appRoles:" -> 0;
                case "users:" -> 1;
                case "groups:" -> 2;
                default -> throw new Declined("a top-level key line");
            };
            check(index > section, "top-level keys in the order appRoles, users, groups, once each");
            section = index;
            nextContentLine();
            while (line != null && line.startsWith("  - id: ")) {
                object();
                switch (index) {
                    case 0 -> assembler.appRole();
                    case 1 -> assembler.user();
                    default -> assembler.group();
                }
            }
        }
        return assembler.finish();
    }

    /** Reads one object, from its id line to the line after its last field. */
    private void object() throws IOException {
        Map<String, Object> fields = assembler.next();
        pos = "  - id: ".length();
        fields.put(LocalDirectoryReader.ID, field(value(false)));
        endOfLine();
        nextContentLine();
        while (line != null && line.startsWith("    ") && !line.startsWith("     ")) {
            pos = 4;
            String key = key();
            Object value;
            if (pos == line.length()) {
                value = blockList();
            } else {
                expectChar(' ');
                if (pos < line.length() && line.charAt(pos) == '[') {
                    value = flowList();
                } else {
                    value = field(value(false));
                }
                endOfLine();
                nextContentLine();
            }
            check(fields.put(key, value) == null, "no duplicate keys");
        }
    }

    /** The lines {@code       - VALUE} after a {@code key:} line; none is a null value. */
    private Object blockList() throws IOException {
        nextContentLine();
        if (line == null || !line.startsWith("      - ")) {
            return PlainDirectoryAssembler.Null.NULL;
        }
        List<String> items = new ArrayList<>();
        while (line != null && line.startsWith("      - ")) {
            pos = "      - ".length();
            items.add(text(value(false)));
            comment();
            nextContentLine();
        }
        return items;
    }

    private List<String> flowList() {
        pos++;
        List<String> items = new ArrayList<>(2);
        if (pos < line.length() && line.charAt(pos) == ']') {
            pos++;
            return items;
        }
        while (true) {
            items.add(text(value(true)));
            check(pos < line.length(), "the end of a flow list");
            char c = line.charAt(pos++);
            if (c == ']') {
                return items;
            }
            check(c == ',', "a comma");
            expectChar(' ');
        }
    }

    /** A field's value: null and booleans resolved. */
    private static Object field(Object value) {
        return value instanceof Written written ? written.value() : value;
    }

    /** A list item's text: the format keeps an item as written, even true or null. */
    private static String text(Object value) {
        return value instanceof Written written ? written.text() : (String) value;
    }

    /** A key of ASCII letters, digits and underscores, then a colon. */
    private String key() {
        int start = pos;
        while (pos < line.length() && isKeyChar(line.charAt(pos))) {
            pos++;
        }
        check(pos > start && pos < line.length() && line.charAt(pos) == ':', "a key");
        String key = share(line.substring(start, pos));
        pos++;
        return key;
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /**
     * A value: a double-quoted one is text; a plain one is resolved as the thorough reader
     * resolves it (null, true/false, else text). In a list, the caller takes the text.
     */
    private Object value(boolean inFlow) {
        check(pos < line.length(), "a value");
        if (line.charAt(pos) == '"') {
            return quoted();
        }
        String plain = plain(inFlow);
        return switch (PlainDirectoryReader.implicitKind(plain)) {
            case NULL -> new Written(plain, PlainDirectoryAssembler.Null.NULL);
            case BOOL -> new Written(plain, Boolean.valueOf(plain));
            case TEXT -> plain;
        };
    }

    /** A plain scalar in the writer's character set (no indicator, colon, hash, comma or bracket). */
    private String plain(boolean inFlow) {
        int start = pos;
        check(Character.isLetterOrDigit(line.charAt(pos)), "a plain value starting with a letter or digit");
        pos++;
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '@' || c == '+' || c == '-' || c == '/'
                    || c == '(' || c == ')') {
                pos++;
            } else if (c == ' ') {
                int next = pos + 1;
                if (next < line.length() && (line.charAt(next) == '#' || line.charAt(next) == ' ')) {
                    break;
                }
                if (next == line.length()) {
                    break;
                }
                pos++;
            } else {
                break;
            }
        }
        check(line.charAt(pos - 1) != ' ', "no trailing space");
        return share(line.substring(start, pos));
    }

    /** The same String for the same short text, while fewer than {@link #SHARED_LIMIT} are kept (the first seen are the frequent ones). */
    private String share(String text) {
        if (text.length() > 40) {
            return text;
        }
        String known = shared.get(text);
        if (known != null) {
            return known;
        }
        if (shared.size() < SHARED_LIMIT) {
            shared.put(text, text);
        }
        return text;
    }

    /** A double-quoted scalar on one line, with the escapes {@code \" \\ \n \t \r \\uXXXX}. */
    private String quoted() {
        pos++;
        StringBuilder text = null;
        int start = pos;
        while (true) {
            check(pos < line.length(), "a closing quote on the same line");
            char c = line.charAt(pos);
            if (c == '"') {
                String value = text == null ? line.substring(start, pos) : text.toString();
                pos++;
                return value;
            }
            if (c == '\\') {
                if (text == null) {
                    text = new StringBuilder(line.substring(start, pos));
                }
                check(pos + 1 < line.length(), "an escape");
                char e = line.charAt(pos + 1);
                pos += 2;
                switch (e) {
                    case '"' -> text.append('"');
                    case '\\' -> text.append('\\');
                    case 'n' -> text.append('\n');
                    case 't' -> text.append('\t');
                    case 'r' -> text.append('\r');
                    case 'u' -> {
                        check(pos + 4 <= line.length(), "four hex digits");
                        int code = 0;
                        for (int i = 0; i < 4; i++) {
                            int digit = Character.digit(line.charAt(pos + i), 16);
                            check(digit >= 0 && line.charAt(pos + i) < 128, "a hex digit");
                            code = code * 16 + digit;
                        }
                        text.append((char) code);
                        pos += 4;
                    }
                    default -> throw new Declined("an escape the writer uses");
                }
                continue;
            }
            check(printable(c), "printable text");
            if (text != null) {
                text.append(c);
            }
            pos++;
        }
    }

    /** What YAML accepts in a line: printable, no tab, and none of its other line breaks. */
    private static boolean printable(char c) {
        return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029) || (c >= 0xE000 && c <= 0xFFFD);
    }

    /** Optional {@code  # comment} to the end of the line. */
    private void comment() {
        if (pos == line.length()) {
            return;
        }
        check(line.charAt(pos) == ' ', "a space before a comment");
        while (pos < line.length() && line.charAt(pos) == ' ') {
            pos++;
        }
        check(pos < line.length() && line.charAt(pos) == '#', "a comment");
        checkPrintable(line, pos);
        pos = line.length();
    }

    private void endOfLine() {
        check(pos == line.length(), "the end of the line");
    }

    private void expectChar(char c) {
        check(pos < line.length() && line.charAt(pos) == c, "'" + c + "'");
        pos++;
    }

    /** Moves to the next line that is neither blank nor a comment line (null at the end). */
    private void nextContentLine() throws IOException {
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.charAt(0) == '#') {
                checkPrintable(line, 0);
                continue;
            }
            return;
        }
    }

    private static void checkPrintable(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!printable(c) && !(Character.isSurrogate(c) && validPair(text, i))) {
                throw new Declined("printable text");
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
    }

    private static boolean validPair(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }

    private static void check(boolean condition, String expected) {
        if (!condition) {
            throw new Declined("expected " + expected);
        }
    }

    /** A plain scalar that resolves to null or a boolean, with its text (a list item keeps the text). */
    private record Written(String text, Object value) {
    }
}
