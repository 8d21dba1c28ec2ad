package io.scimflow.schemas.serde;

/**
 * Confluent's wire format: one magic byte 0, the schema's global id as a 4-byte big-endian
 * integer, then the Avro binary encoding of the datum.
 */
final class WireFormat {

    static final byte MAGIC_BYTE = 0x0;
    static final int HEADER_SIZE = 5;

    private WireFormat() {
    }
}
