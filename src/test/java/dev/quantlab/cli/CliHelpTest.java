package dev.quantlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.services.KMeansSettings;
import dev.quantlab.data.CifarClasses;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --help} wraps only at spaces; {@code kmeans --seed} defaults like the app; labelled confusion matrix. */
class CliHelpTest {
    private static final List<String> COMMANDS = List.of("gui", "info", "eval", "train", "import", "download",
            "kmeans", "linear", "bench", "compact-checkpoint", "plot-training");

    private static String help(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertEquals(0, QuantLabCommand.execute(args));
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpNeverBreaksALineInsideAPathAndFitsEightyColumns() {
        String data = help("download", "--help");
        assertTrue(data.lines().anyMatch(l -> l.contains("../shared/data")), data);
        assertTrue(data.lines().anyMatch(l -> l.contains("~/.quantlab/data")), data);
        for (String c : COMMANDS) {
            String text = help(c, "--help");
            assertTrue(text.startsWith("Usage: quantlab " + c), text);
            for (String line : text.split("\n")) {
                assertTrue(line.length() <= 80, c + ": " + line.length() + " columns: " + line);
                String end = line.stripTrailing();
                assertTrue(!end.endsWith("/") && !end.endsWith("~/.") && (!end.endsWith("..") || end.endsWith(
                        "...")), c + ": a line ends inside a path: " + line);
            }
        }
    }

    @Test
    void wrappingContinuesUnderTheDescriptionColumn() {
        String line = "      --data=DIR             CIFAR-10 folder. Default: $QUANTLAB_DATA, else ~/.quantlab/data,"
                + " else ../shared/data if only that holds CIFAR-10.";
        String wrapped = HelpWrapping.wrap(line, 80);
        String[] lines = wrapped.split("\n");
        assertTrue(lines.length > 1, wrapped);
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].startsWith(" ".repeat(29)) && lines[i].charAt(29) != ' ', wrapped);
        }
        assertEquals(line.replaceAll(" +", " "), wrapped.replaceAll("\\s+", " "));
    }

    @Test
    void kmeansSeedDefaultsToTheAppsSeed() {
        KMeansCommand cmd = new KMeansCommand();
        new CommandLine(cmd).parseArgs();
        assertEquals(42, cmd.seed);
        assertEquals(KMeansSettings.DEFAULT.seed(), cmd.seed, "the CLI and the app cluster alike by default");
    }

    @Test
    void theConfusionMatrixNamesItsRowsAndColumns() {
        long[][] m = new long[10][10];
        m[3][5] = 123;
        List<String> lines = EvalCommand.confusionLines(m);
        assertEquals(11, lines.size());
        assertTrue(lines.get(0).contains("airpl") && lines.get(0).contains("truck"), lines.get(0));
        String cat = lines.get(1 + 3);
        assertTrue(cat.trim().startsWith(CifarClasses.NAMES.get(3)), cat);
        String[] cells = cat.trim().split("\\s+");
        assertEquals("123", cells[1 + 5], cat);
        int column = lines.get(0).indexOf("dog") + "dog".length();
        assertEquals(column, cat.indexOf("123") + 3, "the count sits under its predicted class");
    }
}
