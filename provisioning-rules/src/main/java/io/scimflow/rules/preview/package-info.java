/**
 * Previews of a user's decision and SCIM payloads, and of single expressions, shared by
 * the CLI and the worker's HTTP endpoint.
 */
package io.scimflow.rules.preview;
