package dev.quantlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.SnapshotOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gui --snapshot DIR --size WxH --lang L --run-jobs}: parsed, handed to the app, bad values refused. */
class GuiCommandTest {
    @TempDir
    Path dir;

    private static List<String> parameters(String... args) {
        GuiCommand gui = new GuiCommand();
        new CommandLine(gui).parseArgs(args);
        return gui.snapshotParameters();
    }

    private static SnapshotOptions options(List<String> parameters) {
        Map<String, String> named = new HashMap<>();
        for (String p : parameters) {
            String[] kv = p.substring(2).split("=", 2);
            named.put(kv[0], kv[1]);
        }
        return SnapshotOptions.fromParameters(named).orElseThrow();
    }

    @Test
    void optionsReachTheAppAsGiven() {
        SnapshotOptions o = options(parameters("--snapshot", dir.toString(), "--size", "1920x1080", "--lang", "zh-TW",
                "--run-jobs"));
        assertEquals(new SnapshotOptions(dir.toAbsolutePath(), 1920, 1080, Locale.TRADITIONAL_CHINESE, true), o);
        assertEquals("qat-1920x1080-zh-TW.png", o.fileName("qat"));
    }

    @Test
    void defaultsAreLaptopSizeInEnglishWithoutJobs() {
        SnapshotOptions o = options(parameters("--snapshot", dir.toString()));
        assertEquals(new SnapshotOptions(dir.toAbsolutePath(), 1280, 720, Locale.ENGLISH, false), o);
        assertEquals(List.of(), parameters());
    }

    @Test
    void badValuesEndWithOneErrorLine() {
        assertError("--size must be WIDTHxHEIGHT", "gui", "--snapshot", dir.toString(), "--size", "1280by720");
        assertError("--size must be between", "gui", "--snapshot", dir.toString(), "--size", "100x100");
        assertError("--lang must be one of en, zh-TW", "gui", "--snapshot", dir.toString(), "--lang", "fr");
        assertError("need --snapshot DIR", "gui", "--size", "1280x720");
    }

    private static void assertError(String expected, String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = QuantLabCommand.execute(args);
        } finally {
            System.setErr(oldErr);
        }
        String text = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, code, text);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("error: ") && text.contains(expected), text);
    }
}
