package dev.quantlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.CliRun;
import dev.quantlab.kmeans.BitWidthPlan;
import dev.quantlab.kmeans.qat.KMeansQat;
import dev.quantlab.model.ModelFiles;
import dev.quantlab.testing.Cifar10;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kmeans --qat --checkpoint-dir D}, stopped by a real SIGTERM once its first epoch is done, then
 * {@code --resume}: the stopped run keeps its checkpoint, prints its table (the stopped plan marked) and ends with
 * one {@code error:} line that says where the state is; the resumed run replays the first epoch from the checkpoint
 * and finishes the second. Tiny: the 2-bit shipped model, 4 QAT steps of 8 images an epoch, 20 test images.
 */
@Tag(Cifar10.TAG)
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "no SIGTERM (kill) on Windows")
class KMeansQatCliTest {
    private static final Duration LIMIT = Duration.ofMinutes(6);
    private static final int HEAP_MIB = 1536;

    @TempDir
    Path dir;

    private String[] args(Path checkpoints, String... more) {
        List<String> a = new ArrayList<>(List.of("kmeans", "--model", Path.of(ModelFiles.SHIPPED).toAbsolutePath()
                .toString(), "--data", Cifar10.root().toString(), "--bits", "2", "--qat", "--threshold", "0",
                "--epochs", "2", "--batch-size", "8", "--epoch-fraction", "0.00064", "--limit", "20",
                "--checkpoint-dir", checkpoints.toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in\n" + out));
    }

    @Test
    void aStoppedQatRunKeepsItsCheckpointAndResumeFinishesIt() {
        Path checkpoints = dir.resolve("qat");
        Path plan = KMeansQat.checkpointFolder(checkpoints, BitWidthPlan.uniform(2));

        CliRun.Result stopped = CliRun.subprocessStoppedAt(LIMIT, HEAP_MIB, l -> l.startsWith("Epoch 0 Accuracy"),
                args(checkpoints)).assertStoppedCleanly();
        String error = stopped.errorLines().get(0);
        assertTrue(error.contains("stopped by an interrupt or termination signal"), error);
        assertTrue(error.contains("saved in " + checkpoints), error);
        assertTrue(error.contains("--resume"), error);
        assertTrue(Files.isRegularFile(plan.resolve("last.safetensors")), "the checkpoint is kept in " + plan);
        assertTrue(Files.isRegularFile(plan.resolve("best.safetensors")), "the best weights are kept in " + plan);
        String firstEpoch = line(stopped.out(), "Epoch 0 Accuracy");
        assertTrue(line(stopped.out(), "2-bit ").contains("%*"), "the stopped plan is marked:\n" + stopped.out());
        assertTrue(stopped.out().contains("* 2-bit QAT was stopped after 1 of 2 epochs"), stopped.out());

        CliRun.Result resumed = CliRun.subprocess(LIMIT, HEAP_MIB, Map.of(), args(checkpoints, "--resume"))
                .assertInvariant();
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("    resuming from " + plan + " at epoch 1 step "), resumed.out());
        assertEquals(firstEpoch, line(resumed.out(), "Epoch 0 Accuracy"), "the first epoch replayed from the checkpoint");
        line(resumed.out(), "Epoch 1 Accuracy");
        String row = line(resumed.out(), "2-bit ");
        assertTrue(row.matches(".*\\d%\\s+[\\d.]+\\s+\\d+$"), "an after-QAT accuracy, not marked stopped: " + row);
        assertFalse(resumed.out().contains("was stopped"), resumed.out());
    }
}
