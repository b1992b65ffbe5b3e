/**
 * Neutral types that every other package may use and that depend on nothing of the project: how a running solve
 * is stopped and reports progress ({@link dev.computeplan.common.SolveControl}), a rule broken by an input
 * ({@link dev.computeplan.common.Violation}), and the exceptions the API answers as problem+json.
 */
package dev.computeplan.common;
