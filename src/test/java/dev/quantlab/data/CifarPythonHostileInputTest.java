package dev.quantlab.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.core.pickle.HostilePickles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void selfReferencingListAsDictKeyIsUnhashable() throws IOException {
        assertRefused(HostilePickles.selfReferencingListAsKey(), "unhashable");
    }

    @Test
    void deepListAsDictKeyIsUnhashable() throws IOException {
        assertRefused(HostilePickles.deepListAsKey(200_000), "unhashable");
    }

    @Test
    void selfReferencingListInASetIsUnhashable() throws IOException {
        assertRefused(HostilePickles.selfReferencingListInSet(), "unhashable");
    }

    @Test
    void torchDeviceIsRefusedByName() throws IOException {
        assertRefused(HostilePickles.deepListToTorchDevice(200_000), "'torch.device'");
    }

    @Test
    void textLongOfTwoMillionDigitsIsRefusedQuickly() throws IOException {
        assertRefused(HostilePickles.longOfDigits(2_000_000), "4300 digits");
    }

    @Test
    void floodOfEmptyListsStopsAtTheInstructionBudget() throws IOException {
        assertRefused(HostilePickles.emptyListFlood(3_000_000), "instructions");
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
