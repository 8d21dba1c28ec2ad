/**
 * The HTTP edge: routing, bearer auth, media types, payload limit, rate limits, test knobs, SCIM error bodies, journal writes.
 */
package io.scimflow.miroserver.http;
