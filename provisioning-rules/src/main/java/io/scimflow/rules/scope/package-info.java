/**
 * Scope: assignment, the Default Access rule, scoping filters, lifecycle and the computed
 * {@code IsSoftDeleted}, as a decision with reasons.
 */
package io.scimflow.rules.scope;
