package dev.quantlab.train;

/** Learning rate as a function of the global step, for a run of {@code totalSteps} steps. */
public record LrSchedule(Kind kind, double peak, double warmupFraction) {
    /** Shapes of schedule. */
    public enum Kind {
        /** Always {@code peak}. */
        CONSTANT,
        /** Cosine from {@code peak} down to 0 (the lesson's QAT schedule). */
        COSINE,
        /** Linear warm-up from peak/10 to peak over the warm-up fraction, then cosine to 0. */
        WARMUP_COSINE,
        /** One-cycle: cosine up from peak/25 to peak over the warm-up fraction, then cosine down to peak/1e4. */
        ONE_CYCLE
    }

    public LrSchedule {
        if (!(peak > 0) || Double.isInfinite(peak)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + peak);
        }
        if (!(warmupFraction >= 0 && warmupFraction < 1)) {
            throw new IllegalArgumentException("warm-up fraction must be in [0,1), got " + warmupFraction);
        }
    }

    public double lr(long step, long totalSteps) {
        double t = totalSteps <= 1 ? 0 : Math.min(1.0, step / (double) (totalSteps - 1));
        return switch (kind) {
            case CONSTANT -> peak;
            case COSINE -> cosine(peak, 0, t);
            case WARMUP_COSINE -> t < warmupFraction ? peak * (0.1 + 0.9 * t / warmupFraction)
                    : cosine(peak, 0, (t - warmupFraction) / (1 - warmupFraction));
            case ONE_CYCLE -> t < warmupFraction ? cosine(peak / 25, peak, t / warmupFraction)
                    : cosine(peak, peak / 1e4, (t - warmupFraction) / (1 - warmupFraction));
        };
    }

    /** Cosine interpolation from {@code from} (t=0) to {@code to} (t=1). */
    private static double cosine(double from, double to, double t) {
        return to + (from - to) * 0.5 * (1 + Math.cos(Math.PI * t));
    }
}
