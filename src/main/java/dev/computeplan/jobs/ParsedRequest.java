package dev.computeplan.jobs;

import java.time.Duration;

/** A request body read and checked: the problem, its canonical JSON, and the time limit. */
public record ParsedRequest<P>(P problem, String problemJson, Duration timeLimit) {}
