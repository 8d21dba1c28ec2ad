/**
 * Entra scoping filters as data: groups of clauses (AND inside a group, OR across groups)
 * with an operator enum, and their evaluator.
 */
package io.scimflow.rules.filter;
