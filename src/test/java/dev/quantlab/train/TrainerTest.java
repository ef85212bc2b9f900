package dev.quantlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.CancelledException;
import dev.quantlab.data.Augmentation;
import dev.quantlab.data.BatchMaker;
import dev.quantlab.data.CifarBinaryReader;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.model.ModelFiles;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggNet;
import dev.quantlab.testing.Cifar10;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag(Cifar10.TAG)
class TrainerTest {
    private static CifarSplit test;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        test = CifarBinaryReader.readTest(Cifar10.binFolder());
    }

    private static TrainConfig tiny(int epochs, LrSchedule.Kind kind) {
        return TrainConfig.builder().epochs(epochs).batchSize(16).schedule(new LrSchedule(kind, 0.02, 0.0)).momentum(0.9)
                .nesterov(true).weightDecay(5e-4).labelSmoothing(0.1).seed(7).trainLimit(32).evalLimit(20)
                .stepsPerEpoch(2).checkpointEverySteps(1).build();
    }

    @Test
    void twoSgdStepsLowerTheLossOnTheirBatch() {
        int[] idx = test.balancedIndices(32);
        float[] x = new float[32 * 3072];
        BatchMaker.fill(test, idx, 0, 32, Augmentation.NONE, null, x);
        int[] y = BatchMaker.labels(test, idx, 0, 32);
        try (NDManager m = NDManager.newBaseManager(); VggNet net = VggNet.initialized(m, 11)) {
            SgdOptimizer opt = new SgdOptimizer(net.manager(), 0.9, true, 5e-4, List.of("backbone.conv0.weight"));
            TrainStep step = new TrainStep(net, opt, 0.0);
            double first;
            try (NDManager b = m.newSubManager()) {
                first = step.backward(b, x, y, 32).loss();
                step.update(0.01);
            }
            try (NDManager b = m.newSubManager()) {
                step.backward(b, x, y, 32);
                step.update(0.01);
            }
            double after;
            try (NDManager b = m.newSubManager()) {
                after = step.backward(b, x, y, 32).loss();
            }
            assertTrue(after < first, "loss " + first + " -> " + after);
        }
    }

    /** PyTorch's grad mode is per thread: a step on a fresh worker thread (as in the app) must work too. */
    @Test
    void aStepWorksOnAWorkerThread() throws Exception {
        int[] idx = test.balancedIndices(16);
        float[] x = new float[16 * 3072];
        BatchMaker.fill(test, idx, 0, 16, Augmentation.NONE, null, x);
        int[] y = BatchMaker.labels(test, idx, 0, 16);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (NDManager m = NDManager.newBaseManager(); VggNet net = VggNet.initialized(m, 12)) {
            SgdOptimizer opt = new SgdOptimizer(net.manager(), 0.9, true, 5e-4, List.of("classifier.weight"));
            TrainStep step = new TrainStep(net, opt, 0.1);
            float before = net.toStateDict().get("classifier.bias").values()[0];
            pool.submit(() -> {
                try (NDManager b = m.newSubManager()) {
                    step.backward(b, x, y, 16);
                    step.update(0.05);
                }
                return null;
            }).get();
            assertTrue(before != net.toStateDict().get("classifier.bias").values()[0], "the step changed the weights");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void resumingFromACheckpointRepeatsTheUninterruptedRun() throws IOException {
        StateDict init = VggNet.initialWeights(3);
        Path straight = dir.resolve("straight");
        Path interrupted = dir.resolve("interrupted");
        try (NDManager m = NDManager.newBaseManager()) {
            new Trainer(tiny(2, LrSchedule.Kind.COSINE), straight, TrainingListener.NONE, CancellationToken.none())
                    .run(m, init, Trainer.Start.NEW, test, test);

            CancellationToken cancel = new CancellationToken();
            assertThrows(CancelledException.class, () -> new Trainer(tiny(2, LrSchedule.Kind.COSINE), interrupted,
                    cancelAfterStep(3, cancel), cancel).run(m, init, Trainer.Start.NEW, test, test));
            Checkpoint.Loaded ck = Checkpoint.load(interrupted.resolve(Trainer.LAST));
            assertEquals(1, ck.state().epoch());
            assertEquals(1, ck.state().stepInEpoch());
            new Trainer(tiny(2, LrSchedule.Kind.COSINE), interrupted, TrainingListener.NONE, CancellationToken.none())
                    .run(m, VggNet.initialWeights(99), Trainer.Start.RESUME, test, test);
        }
        StateDict a = ModelFiles.load(straight.resolve(Trainer.FINAL));
        StateDict b = ModelFiles.load(interrupted.resolve(Trainer.FINAL));
        assertSameWeights(a, b);
        // stopped while evaluating at the end of an epoch: the epoch's steps are kept, and the resumed run only
        // evaluates and goes on
        Path stoppedInEval = dir.resolve("stopped-in-eval");
        try (NDManager m = NDManager.newBaseManager()) {
            CancellationToken cancel = new CancellationToken();
            // step 2 is the last of epoch 0: the cancel is seen by the evaluation that follows
            assertThrows(CancelledException.class, () -> new Trainer(tiny(2, LrSchedule.Kind.COSINE), stoppedInEval,
                    cancelAfterStep(2, cancel), cancel).run(m, init, Trainer.Start.NEW, test, test));
            Checkpoint.Loaded ck = Checkpoint.load(stoppedInEval.resolve(Trainer.LAST));
            assertEquals(0, ck.state().epoch());
            assertEquals(2, ck.state().stepInEpoch());
            new Trainer(tiny(2, LrSchedule.Kind.COSINE), stoppedInEval, TrainingListener.NONE, CancellationToken.none())
                    .run(m, VggNet.initialWeights(99), Trainer.Start.RESUME, test, test);
        }
        StateDict c = ModelFiles.load(stoppedInEval.resolve(Trainer.FINAL));
        assertSameWeights(a, c);

        List<String> log = Files.readAllLines(interrupted.resolve(Trainer.LOG));
        assertEquals(3, log.size());
        assertEquals(Files.readAllLines(straight.resolve(Trainer.LOG)).get(0), log.get(0));

        // resuming a run that has ended trains no more and writes the same final weights again (what a
        // session that finds the reference run finished relies on to export the model)
        Files.delete(straight.resolve(Trainer.FINAL));
        TrainingListener noSteps = new TrainingListener() {
            @Override
            public void onStep(StepResult s) {
                throw new AssertionError("a finished run trained again at step " + s.globalStep());
            }
        };
        try (NDManager m = NDManager.newBaseManager()) {
            new Trainer(tiny(2, LrSchedule.Kind.COSINE), straight, noSteps, CancellationToken.none())
                    .run(m, VggNet.initialWeights(99), Trainer.Start.RESUME, test, test);
        }
        StateDict again = ModelFiles.load(straight.resolve(Trainer.FINAL));
        for (String k : a.asMap().keySet()) {
            assertArrayEquals(a.get(k).values(), again.get(k).values(), k);
        }
    }

    /** A listener that cancels {@code cancel} once global step {@code step} is done. */
    private static TrainingListener cancelAfterStep(long step, CancellationToken cancel) {
        return new TrainingListener() {
            @Override
            public void onStep(StepResult s) {
                if (s.globalStep() == step) {
                    cancel.cancel();
                }
            }
        };
    }

    private static void assertSameWeights(StateDict expected, StateDict actual) {
        for (String k : expected.asMap().keySet()) {
            float[] ve = expected.get(k).values();
            float[] va = actual.get(k).values();
            for (int i = 0; i < ve.length; i++) {
                assertEquals(ve[i], va[i], 1e-5f + Math.abs(ve[i]) * 1e-4f, k + "[" + i + "]");
            }
        }
    }

    @Test
    void scheduleShapes() {
        LrSchedule one = new LrSchedule(LrSchedule.Kind.ONE_CYCLE, 0.1, 0.2);
        assertEquals(0.1 / 25, one.lr(0, 101), 1e-12);
        assertEquals(0.1, one.lr(20, 101), 1e-12);
        assertEquals(0.1 / 1e4, one.lr(100, 101), 1e-12);
        LrSchedule cos = new LrSchedule(LrSchedule.Kind.COSINE, 0.01, 0);
        assertEquals(0.005, cos.lr(50, 101), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new LrSchedule(LrSchedule.Kind.COSINE, -1, 0));
    }

    @Test
    void labelSmoothingLossMatchesTheFormula() {
        try (NDManager m = NDManager.newBaseManager()) {
            var logits = m.create(new float[] {2f, 0f, 0f, 0f, 1f, 0f}, new ai.djl.ndarray.types.Shape(2, 3));
            var labels = m.create(new int[] {0, 2});
            double z0 = Math.log(Math.exp(2) + 2);
            double z1 = Math.log(Math.exp(1) + 2);
            double eps = 0.3;
            double l0 = -((1 - eps + eps / 3) * (2 - z0) + eps / 3 * (-z0) * 2);
            double l1 = -((1 - eps + eps / 3) * (0 - z1) + eps / 3 * ((1 - z1) + (0 - z1)));
            assertEquals((l0 + l1) / 2, Losses.crossEntropy(logits, labels, eps).getFloat(), 1e-5);
        }
    }

    @Test
    void checkpointKeepsMomentumAndState() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            new Trainer(tiny(1, LrSchedule.Kind.CONSTANT), dir, TrainingListener.NONE, CancellationToken.none())
                    .run(m, VggNet.initialWeights(3), Trainer.Start.NEW, test, test);
        }
        Checkpoint.Loaded ck = Checkpoint.load(dir.resolve(Trainer.LAST));
        assertEquals(1, ck.state().epoch());
        assertEquals(2, ck.state().globalStep());
        assertEquals(1, ck.state().history().size());
        assertEquals(26, ck.momentum().size());
        assertArrayEquals(ck.weights().get("classifier.bias").shape(), new long[] {10});
    }
}
