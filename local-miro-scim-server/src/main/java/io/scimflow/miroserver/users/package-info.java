/**
 * /Users with Miro's rules for user attributes, licenses, roles, deactivated users and the last admin.
 */
package io.scimflow.miroserver.users;
