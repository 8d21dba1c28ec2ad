/**
 * ServiceProviderConfig, ResourceTypes and Schemas.
 */
package io.scimflow.miroserver.discovery;
