package io.scimflow.producer.local;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.scimflow.producer.model.Directory;
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
    private final PlainDirectoryAssembler assembler = new PlainDirectoryAssembler();

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
            return assembler.finish();
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
                readFields();
                switch (index) {
                    case 0 -> assembler.appRole();
                    case 1 -> assembler.user();
                    default -> assembler.group();
                }
            }
            parser.getEvent();
        }
        parser.getEvent();
        expect(Event.ID.DocumentEnd);
        expect(Event.ID.StreamEnd);
        return assembler.finish();
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

    /**
     * Reads one object's mapping into the assembler's fields (plain scalars resolved as the
     * thorough reader does).
     */
    private void readFields() {
        Map<String, Object> fields = assembler.next();
        collectionStart(Event.ID.MappingStart);
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            String key = plainKey();
            Event event = parser.getEvent();
            Object value;
            if (event instanceof ScalarEvent scalar) {
                check(scalar.getAnchor() == null && scalar.getTag() == null, "no anchor or tag");
                value = switch (kind(scalar)) {
                    case NULL -> PlainDirectoryAssembler.Null.NULL;
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
}
