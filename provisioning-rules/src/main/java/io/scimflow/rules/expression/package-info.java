/**
 * Entra's expression language: a hand-written tokenizer and recursive-descent parser with
 * positioned errors, the syntax tree as sealed records, and an evaluator with Entra's
 * function catalogue. Parsers are throwaway; parsed {@link io.scimflow.rules.expression.Expression}s
 * are immutable and shared.
 */
package io.scimflow.rules.expression;
