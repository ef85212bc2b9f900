package dev.quantlab.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.CancelledException;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarBinaryReader;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.model.VggNet;
import dev.quantlab.testing.Cifar10;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(Cifar10.TAG)
class EvaluatorTest {
    private static CifarSplit test;

    @BeforeAll
    static void load() {
        test = CifarBinaryReader.readTest(Cifar10.binFolder());
    }

    @Test
    void countsEveryImageOnceAndIsDeterministic() {
        try (NDManager m = NDManager.newBaseManager(); VggNet net = VggNet.initialized(m, 4)) {
            AtomicLong last = new AtomicLong();
            Evaluator ev = new Evaluator(40);
            EvalResult a = ev.evaluate(m, Evaluator.of(net), test, 100, (d, t, msg) -> last.set(d),
                    CancellationToken.none());
            EvalResult b = ev.evaluate(m, Evaluator.of(net), test, 100, ProgressListener.NONE, CancellationToken.none());
            assertEquals(100, a.images());
            assertEquals(100, last.get());
            long total = 0;
            for (int c = 0; c < 10; c++) {
                long row = 0;
                for (long v : a.confusion()[c]) {
                    row += v;
                }
                assertEquals(10, row, "class " + c + " has 10 images in a balanced 100-image subset");
                total += row;
                assertArrayEquals(a.confusion()[c], b.confusion()[c]);
            }
            assertEquals(100, total);
            long diag = 0;
            for (int c = 0; c < 10; c++) {
                diag += a.confusion()[c][c];
            }
            assertEquals(diag, a.correct());
        }
    }

    @Test
    void perClassAccuracyComesFromTheConfusionMatrix() {
        long[][] conf = new long[10][10];
        conf[0][0] = 3;
        conf[0][1] = 1;
        conf[1][1] = 2;
        EvalResult r = new EvalResult(6, 5, conf, 1.0);
        assertEquals(75.0, r.perClassPercent()[0], 1e-9);
        assertEquals(100.0, r.perClassPercent()[1], 1e-9);
        assertEquals(true, Double.isNaN(r.perClassPercent()[2]));
        assertEquals(5 * 100.0 / 6, r.accuracyPercent(), 1e-9);
    }

    @Test
    void cancellationStopsTheRun() {
        try (NDManager m = NDManager.newBaseManager(); VggNet net = VggNet.initialized(m, 4)) {
            CancellationToken cancel = new CancellationToken();
            assertThrows(CancelledException.class, () -> new Evaluator(10).evaluate(m, Evaluator.of(net), test, 100,
                    (d, t, msg) -> cancel.cancel(), cancel));
        }
    }
}
