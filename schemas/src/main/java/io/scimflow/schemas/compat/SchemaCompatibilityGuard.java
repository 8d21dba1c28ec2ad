package io.scimflow.schemas.compat;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Decides whether a schema change keeps FULL compatibility with the released version:
 * backward (new code reads records written with the released schema, so old topics can be
 * replayed) and forward (released code reads records written with the new schema, so a
 * rolling upgrade does not break old consumers).
 */
public final class SchemaCompatibilityGuard {

    private SchemaCompatibilityGuard() {
    }

    /** The problems found, empty when the change is fully compatible. */
    public static List<String> problems(Schema released, Schema current) {
        List<String> problems = new ArrayList<>();
        describe("backward (new reader, released writer)",
                SchemaCompatibility.checkReaderWriterCompatibility(current, released).getResult(), problems);
        describe("forward (released reader, new writer)",
                SchemaCompatibility.checkReaderWriterCompatibility(released, current).getResult(), problems);
        return problems;
    }

    private static void describe(String direction, SchemaCompatibilityResult result, List<String> problems) {
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        result.getIncompatibilities().forEach(incompatibility -> problems.add(direction + ": "
                + incompatibility.getType() + " at " + incompatibility.getLocation() + ": " + incompatibility.getMessage()));
    }
}
