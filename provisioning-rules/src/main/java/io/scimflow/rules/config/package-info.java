/**
 * The app configuration file (one YAML per app): loading, validation with file, line and
 * key path in every error, and the compiled {@link io.scimflow.rules.config.AppConfig}.
 */
package io.scimflow.rules.config;
