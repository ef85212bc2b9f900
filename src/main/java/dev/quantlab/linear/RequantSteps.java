package dev.quantlab.linear;

/**
 * The requantization of one accumulator, step by step: {@code scaled = acc * M} (float32 in the float path,
 * the rounded integer in the fixed-point path), {@code withZeroPoint = scaled + Z_out}, {@code rounded}
 * (half to even; the fixed-point path rounds before adding Z_out), and {@code clamped} into the output range.
 */
public record RequantSteps(RequantMode mode, double scaled, double withZeroPoint, long rounded, int clamped) { }
