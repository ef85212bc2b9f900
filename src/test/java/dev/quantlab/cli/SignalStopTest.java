package dev.quantlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.testing.Cifar10;
import dev.quantlab.train.Trainer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real SIGTERM to a training process (issue 14, item 19): the run stops after its current step, saves its
 * checkpoint, and says so in one {@code error:} line naming where the checkpoint is, with a non-zero exit code.
 * Not on Windows, which has no SIGTERM.
 */
@Tag(Cifar10.TAG)
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "no SIGTERM (kill) on Windows")
class SignalStopTest {
    @TempDir
    Path dir;

    @Test
    void sigtermStopsTrainingWithOneLineThatSaysWhereTheCheckpointIs() {
        Path run = dir.resolve("run");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), "dev.quantlab.Main",
                "train", "--data", Cifar10.root().toString(), "--out", run.toString(), "--epochs", "1000",
                "--batch-size", "8", "--train-limit", "200", "--eval-limit", "10", "--log-every", "1",
                "--checkpoint-every", "0"));
        Path err = dir.resolve("stderr.txt");
        assertTimeoutPreemptively(Duration.ofMinutes(4), () -> {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                boolean training = false;
                while (!training && (line = out.readLine()) != null) {
                    training = line.startsWith("epoch 0 step ");
                }
                assertTrue(training, "the run printed a step line before it ended");
                // SIGTERM as `kill` sends it (Process.destroy() would also close this stream)
                assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor());
                while (out.readLine() != null) {
                    // drain stdout until the process exits
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            int code = p.waitFor();
            String stderr = Files.readString(err);
            List<String> errors = stderr.lines().filter(l -> l.startsWith("error:")).toList();
            assertEquals(1, errors.size(), stderr);
            String error = errors.get(0);
            assertTrue(error.contains("stopped by an interrupt or termination signal"), error);
            assertFalse(error.contains("cancelled by the user"), error);
            Path last = run.resolve(Trainer.LAST).toAbsolutePath();
            assertTrue(error.contains("saved in " + last), error);
            assertTrue(error.contains("--resume"), error);
            assertTrue(Files.isRegularFile(last), "the checkpoint it names exists");
            assertFalse(stderr.contains("\tat "), "no stack trace: " + stderr);
            assertNotEquals(0, code, "a stopped run does not exit 0");
        });
    }
}
