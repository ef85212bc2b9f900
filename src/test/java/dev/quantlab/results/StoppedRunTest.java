package dev.quantlab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A stopped QAT run's mark, as {@link RunRecords#qat} writes it into the note, is read back. */
class StoppedRunTest {
    private static RunRecord qat(String note) {
        return RunRecord.of(Method.KMEANS_QAT, 2, 2.20, 2.22, 91.23, 10_000).withNote(note);
    }

    @Test
    void theMarkWrittenIsReadBack() {
        StoppedRun s = new StoppedRun(3, 5);
        assertEquals("stopped after 3 of 5 epochs", s.mark());
        String note = "rule=mean, epochs=3, fraction=1.0, batch=32, threshold=0.50, before=23.04%, seed=42, " + s.mark();
        assertEquals(Optional.of(s), StoppedRun.of(qat(note)));
        assertEquals(Optional.of(new StoppedRun(12, 40)), StoppedRun.of(qat(new StoppedRun(12, 40).mark())));
    }

    @Test
    void aRunThatEndedOrIsNoQatRunIsNotStopped() {
        assertTrue(StoppedRun.of(qat("rule=mean, epochs=5, fraction=1.0, batch=32")).isEmpty());
        assertTrue(StoppedRun.of(qat("")).isEmpty());
        assertTrue(StoppedRun.of(RunRecord.of(Method.LINEAR, 8, 8.8, 8.81, 92.7, 100)
                .withNote(new StoppedRun(1, 2).mark())).isEmpty(), "only k-means/QAT runs are stopped this way");
    }
}
