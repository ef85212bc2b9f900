package dev.quantlab.kmeans.qat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.CancelledException;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.kmeans.BitWidthPlan;
import dev.quantlab.kmeans.Init;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggNet;
import dev.quantlab.testing.Cifar10;
import dev.quantlab.train.StepResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A QAT run interrupted mid-epoch and resumed from its checkpoint ends exactly where an uninterrupted run does. */
@Tag(Cifar10.TAG)
class QatResumeTest {
    private static final BitWidthPlan PLAN = BitWidthPlan.uniform(2);
    private static CifarSplit small;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        small = Cifar10.firstTestImages(32);
    }

    /** Two epochs of 4 steps (batch 8 of 32 images); fp32 "accuracy" 100% so that QAT never stops early. */
    private static QatConfig config(UpdateRule rule) {
        return QatConfig.builder().epochs(2).threshold(0.5).lr(0.05).momentum(0.9).weightDecay(0.0).batchSize(8)
                .rule(rule).epochFraction(1.0).evalLimit(16).seed(3).bnRecalibrationImages(0).build();
    }

    private static QatResult run(KMeansQat qat, StateDict fp32) {
        try (NDManager m = NDManager.newBaseManager()) {
            return qat.run(m, fp32, 100.0, PLAN, true, small, small);
        }
    }

    private static QatListener recording(List<String> log, CancellationToken cancel, long cancelAfter) {
        return new QatListener() {
            @Override
            public void onMessage(String line) {
                log.add(line);
            }

            @Override
            public void onStep(StepResult step) {
                if (step.globalStep() == cancelAfter) {
                    cancel.cancel();
                }
            }
        };
    }

    @Test
    void aResumedRunEndsWhereAnUninterruptedRunEnds() {
        StateDict fp32 = VggNet.initialWeights(5);
        for (UpdateRule rule : UpdateRule.values()) {
            List<String> straightLog = new ArrayList<>();
            QatResult straight = run(new KMeansQat(config(rule), Init.LINEAR,
                    recording(straightLog, new CancellationToken(), -1), CancellationToken.none()), fp32);

            Path ckDir = dir.resolve(rule.name());
            CancellationToken cancel = new CancellationToken();
            KMeansQat interrupted = new KMeansQat(config(rule), Init.LINEAR, recording(new ArrayList<>(), cancel, 6),
                    cancel).withCheckpoints(ckDir, 2, false);
            assertThrows(CancelledException.class, () -> run(interrupted, fp32));
            assertTrue(Files.exists(KMeansQat.checkpointFolder(ckDir, PLAN).resolve(QatCheckpoint.LAST)));

            List<String> resumedLog = new ArrayList<>();
            QatResult resumed = run(new KMeansQat(config(rule), Init.LINEAR,
                    recording(resumedLog, new CancellationToken(), -1), CancellationToken.none())
                    .withCheckpoints(ckDir, 2, true), fp32);

            assertEquals(straight.epochAccuracies(), resumed.epochAccuracies(), rule.name());
            assertEquals(straight.bestAccuracy(), resumed.bestAccuracy(), rule.name());
            assertEquals(straight.accuracyBefore(), resumed.accuracyBefore(), rule.name());
            for (String k : straight.bestWeights().asMap().keySet()) {
                assertArrayEquals(straight.bestWeights().get(k).values(), resumed.bestWeights().get(k).values(),
                        1e-6f, rule + " " + k);
            }
            assertTrue(resumedLog.contains("    resuming from " + KMeansQat.checkpointFolder(ckDir, PLAN)
                    + " at epoch 1 step 2"), resumedLog.toString());
            assertEquals(straightLog.stream().filter(l -> l.startsWith("Epoch")).toList(),
                    resumedLog.stream().filter(l -> l.startsWith("Epoch")).toList(), "the lesson's epoch lines");

            List<String> againLog = new ArrayList<>();
            QatResult again = run(new KMeansQat(config(rule), Init.LINEAR, new QatListener() {
                @Override
                public void onMessage(String line) {
                    againLog.add(line);
                }

                @Override
                public void onStep(StepResult step) {
                    throw new AssertionError("a finished run must not train again");
                }
            }, CancellationToken.none()).withCheckpoints(ckDir, 2, true), fp32);
            assertEquals(resumed.epochAccuracies(), again.epochAccuracies());
            assertTrue(againLog.stream().anyMatch(l -> l.startsWith("Epoch 1 Accuracy")), againLog.toString());
            assertTrue(againLog.contains("    finished before: results from the checkpoint in "
                    + KMeansQat.checkpointFolder(ckDir, PLAN)), againLog.toString());
        }
    }

    @Test
    void cancellingSavesTheStepItStoppedAtEvenBetweenCheckpoints() {
        StateDict fp32 = VggNet.initialWeights(8);
        QatResult straight = run(new KMeansQat(config(UpdateRule.MEAN), Init.LINEAR, QatListener.NONE,
                CancellationToken.none()), fp32);
        CancellationToken cancel = new CancellationToken();
        KMeansQat interrupted = new KMeansQat(config(UpdateRule.MEAN), Init.LINEAR,
                recording(new ArrayList<>(), cancel, 7), cancel).withCheckpoints(dir, 100, false);
        QatStoppedException stopped = assertThrows(QatStoppedException.class, () -> run(interrupted, fp32));
        QatResult soFar = stopped.soFar();
        assertTrue(soFar.stopped() && soFar.trained());
        assertEquals(straight.epochAccuracies().subList(0, 1), soFar.epochAccuracies(), "the one epoch that finished");
        assertEquals(Math.max(straight.accuracyBefore(), straight.epochAccuracies().get(0)), soFar.bestAccuracy());
        assertTrue(soFar.bestWeights() != null && !straight.stopped());

        List<String> log = new ArrayList<>();
        QatResult resumed = run(new KMeansQat(config(UpdateRule.MEAN), Init.LINEAR,
                recording(log, new CancellationToken(), -1), CancellationToken.none()).withCheckpoints(dir, 100, true),
                fp32);
        assertTrue(log.contains("    resuming from " + KMeansQat.checkpointFolder(dir, PLAN) + " at epoch 1 step 3"),
                log.toString());
        assertEquals(straight.epochAccuracies(), resumed.epochAccuracies());
        assertEquals(straight.bestAccuracy(), resumed.bestAccuracy());
    }

    @Test
    void aRunStoppedWithoutCheckpointsStillReportsWhatItReached() {
        StateDict fp32 = VggNet.initialWeights(9);
        CancellationToken cancel = new CancellationToken();
        KMeansQat interrupted = new KMeansQat(config(UpdateRule.GRADIENT), Init.LINEAR,
                recording(new ArrayList<>(), cancel, 2), cancel);
        QatResult soFar = assertThrows(QatStoppedException.class, () -> run(interrupted, fp32)).soFar();
        assertTrue(soFar.stopped());
        assertTrue(soFar.epochAccuracies().isEmpty(), "stopped in its first epoch");
        assertEquals(soFar.accuracyBefore(), soFar.bestAccuracy(), "nothing better than the k-means model yet");
    }

    @Test
    void anExistingCheckpointIsNeverOverwrittenAndOtherSettingsAreRefused() {
        StateDict fp32 = VggNet.initialWeights(6);
        CancellationToken cancel = new CancellationToken();
        KMeansQat first = new KMeansQat(config(UpdateRule.MEAN), Init.LINEAR, recording(new ArrayList<>(), cancel, 1),
                cancel).withCheckpoints(dir, 1, false);
        assertThrows(CancelledException.class, () -> run(first, fp32));

        UserFacingException exists = assertThrows(UserFacingException.class, () -> run(new KMeansQat(
                config(UpdateRule.MEAN), Init.LINEAR, QatListener.NONE, CancellationToken.none())
                .withCheckpoints(dir, 1, false), fp32));
        assertTrue(exists.getMessage().contains("already holds a QAT checkpoint"), exists.getMessage());

        UserFacingException other = assertThrows(UserFacingException.class, () -> run(new KMeansQat(
                config(UpdateRule.GRADIENT), Init.LINEAR, QatListener.NONE, CancellationToken.none())
                .withCheckpoints(dir, 1, true), fp32));
        assertTrue(other.getMessage().contains("other settings"), other.getMessage());

        UserFacingException otherModel = assertThrows(UserFacingException.class, () -> run(new KMeansQat(
                config(UpdateRule.MEAN), Init.LINEAR, QatListener.NONE, CancellationToken.none())
                .withCheckpoints(dir, 1, true), VggNet.initialWeights(7)));
        assertTrue(otherModel.getMessage().contains("another fp32 model"), otherModel.getMessage());
    }
}
