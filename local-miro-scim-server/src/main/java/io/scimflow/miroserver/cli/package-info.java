/**
 * The standalone command and its seed file.
 */
package io.scimflow.miroserver.cli;
