/**
 * The state of the simulated organisation: accounts and teams with their indexes.
 */
package io.scimflow.miroserver.org;
