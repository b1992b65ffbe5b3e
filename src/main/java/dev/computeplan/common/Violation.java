package dev.computeplan.common;

/** One problem found in an input: a JSON path ({@code $.workloads[3].gpus}) and why it is wrong. */
public record Violation(String field, String message) {}
