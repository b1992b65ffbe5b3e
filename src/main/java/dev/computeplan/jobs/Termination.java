package dev.computeplan.jobs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** When a solve stops: after {@code seconds} of wall-clock time (or earlier when asked to stop). */
public record Termination(@Min(1) @Max(86_400) Integer seconds) {}
