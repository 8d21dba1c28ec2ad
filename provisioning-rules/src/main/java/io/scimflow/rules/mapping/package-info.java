/**
 * Attribute mappings (Direct, Constant, Expression, None with default, references), SCIM
 * target paths, matching attributes and target object actions.
 */
package io.scimflow.rules.mapping;
