package dev.quantlab.app.compare;

import dev.quantlab.results.Method;
import dev.quantlab.results.RunRecord;
import dev.quantlab.results.StoppedRun;
import java.util.List;

/**
 * One point of the Compare chart.
 *
 * @param method    how the model was made (the colour)
 * @param source    where the number comes from (the marker)
 * @param bits      bits per weight
 * @param mib       size by the lesson's rule (the x position)
 * @param storedMib size on disk (indices, codebooks or scales and the unquantized tensors), NaN where unknown
 *                  (the lesson's published points)
 * @param accuracy  top-1 accuracy (%)
 * @param stopped   for a QAT run stopped before its planned epochs, how far it got; else null
 * @param mixed     a width per layer (mixed precision; {@code bits} is the largest)
 */
record ChartPoint(Method method, Source source, int bits, double mib, double storedMib, double accuracy,
                  StoppedRun stopped, boolean mixed) {
    /** Where a point comes from. */
    enum Source { MINE, MEASURED, LESSON }

    static ChartPoint lesson(ReferencePoint p) {
        return new ChartPoint(p.method(), Source.LESSON, p.weightBits(), p.sizeMib(), Double.NaN, p.accuracy(), null,
                false);
    }

    static ChartPoint of(RunRecord r, Source source) {
        return new ChartPoint(r.method(), source, r.weightBits(), r.lessonMib(), r.storedMib(), r.accuracy(),
                StoppedRun.of(r).orElse(null), r.isMixed());
    }

    /** The points of {@code records} that have a size to draw. */
    static void addAll(List<ChartPoint> target, List<RunRecord> records, Source source) {
        for (RunRecord r : records) {
            if (r.lessonMib() > 0) {
                target.add(of(r, source));
            }
        }
    }
}
