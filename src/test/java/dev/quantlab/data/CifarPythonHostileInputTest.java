package dev.quantlab.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CIFAR-10 Python-version reader shares the checkpoint importer's restricted unpickler, so the hostile
 * pickles of issue 14 (items 7-9 and 11) get one clear line here too, quickly and without a stack overflow.
 */
class CifarPythonHostileInputTest {
    @TempDir
    Path tmp;

    private String assertRefused(byte[] pickle, String... words) throws IOException {
        Path file = Files.write(tmp.resolve("data_batch_1"), pickle);
        DataFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(DataFormatException.class, () -> CifarPythonReader.readBatch(file)));
        String m = e.getMessage();
        assertTrue(m.contains(file.toString()) && !m.contains("\n"), m);
        for (String w : words) {
            assertTrue(m.contains(w), "'" + w + "' missing from: " + m);
        }
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quantlab.core.pickle.HostilePickles#refused")
    void hostilePickleIsRefusedInOneLine(String name, byte[] pickle, String word) throws IOException {
        assertRefused(pickle, word);
    }

    @Test
    void objAndExtensionOpcodesAreRefusedAsInCheckpoints() throws IOException {
        assertRefused(new byte[] {(byte) 0x80, 2, '(', 'N', 'o', '.'}, "OBJ");
        assertRefused(new byte[] {(byte) 0x80, 2, (byte) 0x82, 1, '.'}, "extension registry");
    }

    @Test
    void frameLongerThanTheFileIsRefusedAsInCheckpoints() throws IOException {
        assertRefused(new byte[] {(byte) 0x80, 4, (byte) 0x95, 0, 0, 0, 0, 0, 0, 1, 0, '}', '.'}, "truncated");
    }

    @Test
    void binunicodeLengthIsUnsignedAsInPython() throws IOException {
        assertRefused(new byte[] {(byte) 0x80, 2, 'X', 0, 0, 0, (byte) 0x80, 'a', '.'}, "2147483648-byte");
    }
}
