/**
 * The input model of the rules: one directory object's full state, independent of how it
 * travelled (Avro, JSON). Everything here is immutable.
 */
package io.scimflow.rules.source;
