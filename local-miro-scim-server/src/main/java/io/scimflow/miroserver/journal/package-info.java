/**
 * The request journal and request counters.
 */
package io.scimflow.miroserver.journal;
