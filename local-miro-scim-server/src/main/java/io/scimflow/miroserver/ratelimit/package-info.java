/**
 * Miro's per-endpoint rate limits as sliding windows.
 */
package io.scimflow.miroserver.ratelimit;
