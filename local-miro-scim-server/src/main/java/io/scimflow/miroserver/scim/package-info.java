/**
 * SCIM plumbing on top of the UnboundID SDK: errors, list queries, projection, sorting, PatchOp parsing, case-insensitive filters.
 */
package io.scimflow.miroserver.scim;
