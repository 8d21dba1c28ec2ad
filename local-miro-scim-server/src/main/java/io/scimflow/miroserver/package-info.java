/**
 * A local SCIM 2.0 server that behaves like Miro's SCIM API. The public, embeddable API: {@link io.scimflow.miroserver.LocalMiroScimServer} and {@link io.scimflow.miroserver.MiroServerSettings}.
 */
package io.scimflow.miroserver;
