package dev.quantlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.core.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The format's rules, each broken once (the fuzz seeds), and what the reader says about it. */
class SafetensorsStrictTest {
    private static final Path SEEDS = Path.of("src/test/resources/dev/quantlab/model/SafetensorsFuzzTestInputs/fuzzRead");

    private static String refusal(String seed) throws IOException {
        UserFacingException e = assertThrows(UserFacingException.class,
                () -> SafetensorsFile.read(seed, Files.readAllBytes(SEEDS.resolve(seed))), seed);
        assertTrue(e.getMessage().startsWith("Model file " + seed + " is not a valid safetensors file: "),
                e.getMessage());
        assertTrue(!e.getMessage().contains("\n") && !e.getMessage().contains("Exception"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void everyBrokenRuleIsRefusedWithItsReason() throws IOException {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("float-offsets", "data_offsets holds 0.0, not a non-negative integer"),
                Map.entry("string-offsets", "data_offsets holds a value that is not a number"),
                Map.entry("overlap", "overlapping the tensor before it"),
                Map.entry("gap", "leaving a gap after byte 4"),
                Map.entry("trailing", "8 bytes follow the last tensor's data"),
                Map.entry("duplicate-key", "the key \"a\" appears twice"),
                Map.entry("single-quotes", "not strict JSON"),
                Map.entry("comment", "not strict JSON"),
                Map.entry("invalid-utf8", "not valid UTF-8"),
                Map.entry("header-too-long", "does not fit a file of"),
                Map.entry("header-negative", "does not fit a file of"),
                Map.entry("shape-mismatch", "needs 12 bytes but data_offsets [0, 8] span 8"),
                Map.entry("huge-shape", "has a shape too large to hold"),
                Map.entry("metadata-not-string", "__metadata__ value \"k\" is not a string"),
                Map.entry("deep-nesting", "is not an object"),
                Map.entry("unknown-dtype", "has dtype \"U8\""),
                Map.entry("short", "too short for a safetensors header"));
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String m = refusal(e.getKey());
            assertTrue(m.contains(e.getValue()), e.getKey() + ": " + m);
        }
    }

    @Test
    void validFilesStillRead() throws IOException {
        SafetensorsFile.Contents c = SafetensorsFile.read("valid", Files.readAllBytes(SEEDS.resolve("valid")));
        assertEquals(4f, c.tensors().get("w").values()[3]);
        assertEquals(-0.5f, c.tensors().get("b").values()[1]);
        assertEquals("pt", c.metadata().get("format"));
        SafetensorsFile.Contents h = SafetensorsFile.read("h", Files.readAllBytes(SEEDS.resolve("valid-f16-i64")));
        assertEquals(-2f, h.tensors().get("h").values()[1]);
        assertEquals(7L, h.tensors().get("n").longValue());
        // the shipped model, written by another tool, follows the rules too
        assertEquals(50, SafetensorsFile.read(Path.of(ModelFiles.SHIPPED)).tensors().size());
    }
}
