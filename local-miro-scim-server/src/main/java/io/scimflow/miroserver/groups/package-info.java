/**
 * /Groups as Miro teams (legacy model) or user groups (newer model).
 */
package io.scimflow.miroserver.groups;
