package dev.quantlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.quantlab.testing.Cifar10;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.CancelledException;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.data.CifarBinaryReader;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggNet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder is never overwritten, resumed with other settings, shared by two runs, or left with stale temp files. */
@Tag(Cifar10.TAG)
class RunFolderTest {
    private static CifarSplit test;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        test = CifarBinaryReader.readTest(Cifar10.root().resolve(CifarBinaryReader.FOLDER));
    }

    private static TrainConfig.Builder tiny() {
        return TrainConfig.builder().epochs(2).batchSize(16).schedule(new LrSchedule(LrSchedule.Kind.COSINE, 0.02, 0))
                .seed(7).trainLimit(32).evalLimit(20).stepsPerEpoch(2).checkpointEverySteps(1);
    }

    /** A saved run at epoch 1 step 1, written without training (as `train` writes it). */
    private Path savedRun(TrainConfig config) throws IOException {
        TrainingState s = new TrainingState();
        s.epoch = 1;
        s.stepInEpoch = 1;
        s.globalStep = 3;
        Path last = dir.resolve(Trainer.LAST);
        Checkpoint.save(last, VggNet.initialWeights(3), new StateDict(), s, config.describe(), TensorData.DType.F32);
        return last;
    }

    private static TrainingState run(TrainConfig config, Path folder, Trainer.Start start, CancellationToken cancel)
            throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            return new Trainer(config, folder, TrainingListener.NONE, cancel).run(m, VggNet.initialWeights(5), start,
                    test, test);
        }
    }

    private static CancellationToken cancelled() {
        CancellationToken t = new CancellationToken();
        t.cancel();
        return t;
    }

    @Test
    void aNewRunInAFolderThatHoldsOneIsRefusedWithWhereItStandsAndHowToResume() throws IOException {
        Path last = savedRun(tiny().build());
        byte[] before = Files.readAllBytes(last);
        UserFacingException e = assertThrows(UserFacingException.class,
                () -> run(tiny().build(), dir, Trainer.Start.NEW, CancellationToken.none()));
        assertTrue(e.getMessage().contains("epoch 1 step 1"), e.getMessage());
        assertTrue(e.getMessage().contains("--resume") && e.getMessage().contains("--restart"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(last), "the saved run is untouched");
    }

    @Test
    void restartKeepsTheEarlierCheckpointAside() throws IOException {
        Path last = savedRun(tiny().build());
        byte[] before = Files.readAllBytes(last);
        // stopped before its first step: it saves its own fresh checkpoint and ends
        assertThrows(CancelledException.class, () -> run(tiny().build(), dir, Trainer.Start.RESTART, cancelled()));
        List<Path> aside;
        try (Stream<Path> files = Files.list(dir)) {
            aside = files.filter(p -> p.getFileName().toString().startsWith(Trainer.LAST + ".replaced-")).toList();
        }
        assertEquals(1, aside.size());
        assertArrayEquals(before, Files.readAllBytes(aside.get(0)), "the earlier checkpoint, byte for byte");
        Checkpoint.Loaded fresh = Checkpoint.load(last);
        assertEquals(0, fresh.state().epoch());
        assertEquals(0, fresh.state().globalStep());
    }

    @Test
    void resumingWithOtherSettingsIsRefusedNamingSavedAndGivenValues() throws IOException {
        Path last = savedRun(tiny().build());
        byte[] before = Files.readAllBytes(last);
        UserFacingException e = assertThrows(UserFacingException.class, () -> run(tiny().batchSize(8).epochs(3)
                .schedule(new LrSchedule(LrSchedule.Kind.COSINE, 0.05, 0)).build(), dir, Trainer.Start.RESUME,
                CancellationToken.none()));
        String m = e.getMessage();
        assertTrue(m.contains("batch saved 16, given 8"), m);
        assertTrue(m.contains("epochs saved 2, given 3"), m);
        assertTrue(m.contains("peak_lr saved 0.02, given 0.05"), m);
        assertFalse(m.contains("seed"), "only what differs: " + m);
        assertArrayEquals(before, Files.readAllBytes(last));
    }

    @Test
    void aSecondRunOnALockedFolderIsRefused() throws IOException {
        try (RunFolder held = RunFolder.open(dir, Set.of(Trainer.LAST))) {
            UserFacingException e = assertThrows(UserFacingException.class,
                    () -> run(tiny().build(), dir, Trainer.Start.RESUME, CancellationToken.none()));
            assertTrue(e.getMessage().contains("another QuantLab process is using the run folder " + dir),
                    e.getMessage());
            assertFalse(Files.exists(dir.resolve(Trainer.LAST)), "the second run wrote nothing");
        }
        // released: the folder opens again
        try (RunFolder again = RunFolder.open(dir, Set.of(Trainer.LAST))) {
            assertEquals(dir, again.dir());
        }
    }

    @Test
    void openingSweepsOnlyTheRunsOwnStaleTempFiles() throws IOException {
        Path stale = Files.write(dir.resolve("." + Trainer.LAST + ".81723645.tmp"), new byte[1000]);
        Path staleLog = Files.write(dir.resolve("." + Trainer.LOG + ".1.tmp"), new byte[10]);
        Path foreign = Files.write(dir.resolve(".notes.txt.5.tmp"), new byte[10]);
        Path users = Files.write(dir.resolve(Trainer.LAST + ".tmp"), new byte[10]);
        try (RunFolder f = RunFolder.open(dir, Set.of(Trainer.LAST, Trainer.LOG))) {
            assertEquals(Set.of(stale, staleLog), Set.copyOf(f.swept()));
        }
        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(staleLog));
        assertTrue(Files.exists(foreign), "not the run's file");
        assertTrue(Files.exists(users), "not a temp file of an atomic write");
    }
}
