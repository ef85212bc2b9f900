package dev.quantlab.core.pickle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import net.razorvine.pickle.Unpickler;
import org.junit.jupiter.api.Test;

/** The shared restricted unpickler: bounded work, Python's hashability rule, refused instructions. */
class SafeUnpicklerTest {
    private static final Duration QUICK = Duration.ofSeconds(10);

    private static Object read(byte[] pickle) throws IOException {
        return SafeUnpickler.withGlobals((m, n) -> {
            throw PickleRejectedException.refused("global " + m + "." + n);
        }).read(new ByteArrayInputStream(pickle), pickle.length);
    }

    private static PickleRejectedException rejected(byte[] pickle, String... words) {
        PickleRejectedException e = assertTimeoutPreemptively(QUICK,
                () -> assertThrows(PickleRejectedException.class, () -> read(pickle)));
        for (String w : words) {
            assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains(w.toLowerCase(Locale.ROOT)),
                    "'" + w + "' missing from: " + e.getMessage());
        }
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    @Test
    void selfReferencingListAsDictKeyIsUnhashable() {
        rejected(HostilePickles.selfReferencingListAsKey(), "unhashable", "a list");
    }

    @Test
    void deepListAsDictKeyIsUnhashable() {
        rejected(HostilePickles.deepListAsKey(200_000), "unhashable");
    }

    @Test
    void selfReferencingListInASetIsUnhashable() {
        rejected(HostilePickles.selfReferencingListInSet(), "unhashable");
    }

    @Test
    void deepListAsAValueIsReadWithoutRecursion() throws IOException {
        // nesting alone is harmless: the pickle machine is iterative; only hashing or printing would recurse
        byte[] pickle = HostilePickles.deepListAsKey(200_000);
        byte[] asValue = new byte[pickle.length];
        System.arraycopy(pickle, 0, asValue, 0, pickle.length);
        asValue[2] = ']'; // top is a list: [ [[...]] , None ] -> use APPEND instead of SETITEM
        asValue[asValue.length - 2] = 'a';
        Object top = assertTimeoutPreemptively(QUICK, () -> read(asValue));
        assertTrue(top instanceof List);
        assertEquals(2, ((List<?>) top).size());
    }

    @Test
    void tupleKeysOfHashableValuesAreAccepted() throws IOException {
        // {(1, 'a'): 2} at protocol 2: } K1 X'a' TUPLE2 K2 s .
        byte[] pickle = {(byte) 0x80, 2, '}', 'K', 1, 'X', 1, 0, 0, 0, 'a', (byte) 0x86, 'K', 2, 's', '.'};
        Map<?, ?> dict = (Map<?, ?>) read(pickle);
        Object[] key = (Object[]) dict.keySet().iterator().next();
        assertEquals(1, key[0]);
        assertEquals("a", key[1]);
        assertEquals(2, dict.values().iterator().next());
    }

    @Test
    void tupleHoldingAListIsUnhashable() {
        byte[] pickle = {(byte) 0x80, 2, '}', ']', (byte) 0x85, 'N', 's', '.'};
        rejected(pickle, "unhashable");
    }

    @Test
    void floodOfEmptyListsStopsAtTheInstructionBudget() {
        long start = System.nanoTime();
        rejected(HostilePickles.emptyListFlood((int) SafeUnpickler.MAX_OPCODES + 10), "instructions");
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
    }

    @Test
    void textLongIsCappedAtPythonsDigitLimit() throws IOException {
        Map<?, ?> ok = (Map<?, ?>) read(HostilePickles.longOfDigits(SafeUnpickler.MAX_INT_DIGITS));
        assertEquals(new BigInteger("7".repeat(SafeUnpickler.MAX_INT_DIGITS)), ok.get("n"));
        rejected(HostilePickles.longOfDigits(SafeUnpickler.MAX_INT_DIGITS + 1), "4300 digits");
        rejected(HostilePickles.longOfDigits(2_000_000), "4300 digits");
    }

    @Test
    void lengthsAreUnsignedExceptBinstringAndLong4AndAreCheckedAgainstWhatIsLeft() {
        rejected(new byte[] {(byte) 0x80, 2, 'X', -1, -1, -1, -1, 'a', '.'}, "4294967295-byte", "truncated");
        rejected(new byte[] {(byte) 0x80, 2, 'T', -1, -1, -1, -1, 'a', '.'}, "negative length");
        rejected(new byte[] {(byte) 0x80, 2, (byte) 0x8b, -1, -1, -1, -1, '.'}, "negative length");
        rejected(new byte[] {(byte) 0x80, 4, (byte) 0x95, 0, 0, 0, 0, 0, 0, 0, (byte) 0x80, 'N', '.'},
                "truncated");
        rejected(new byte[] {(byte) 0x80, 4, (byte) 0x8e, 9, 0, 0, 0, 0, 0, 0, 0, 'a', '.'}, "9-byte");
    }

    @Test
    void classInstantiationAndExtensionsAreRefused() {
        assertEquals(PickleRejectedException.Kind.REFUSED,
                rejected(new byte[] {(byte) 0x80, 2, '(', 'N', 'o', '.'}, "OBJ").kind());
        rejected(new byte[] {(byte) 0x80, 2, (byte) 0x82, 1, '.'}, "extension registry");
        rejected("(S'x'\nios\nsystem\n.".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "os.system");
        rejected(new byte[] {(byte) 0x80, 5, (byte) 0x97, '.'}, "out-of-band");
    }

    @Test
    void malformedStreamsGiveOneLineWithoutJavaExceptionText() {
        for (byte[] p : List.of(new byte[] {'.'}, new byte[] {(byte) 0x80, 2, 'a', '.'},
                new byte[] {(byte) 0x80, 2, 'N', ')', 'R', '.'}, new byte[] {(byte) 0x80, 2, (byte) 0xff},
                new byte[] {(byte) 0x80, 2, ']'}, new byte[] {'I', '1', 'x', '\n', '.'})) {
            PickleRejectedException e = rejected(p);
            assertTrue(!e.getMessage().contains("java.") && !e.getMessage().contains("Exception"), e.getMessage());
        }
    }

    @Test
    void onlyThisClassExtendsPyrolitesUnpickler() throws Exception {
        // every main class of QuantLab, loaded without initialising it
        Path classes = Path.of(SafeUnpickler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> subclasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, getClass().getClassLoader());
                if (Unpickler.class.isAssignableFrom(c)) {
                    subclasses.add(name);
                }
            }
        }
        assertEquals(List.of(SafeUnpickler.class.getName()), subclasses);
    }

    @Test
    void globalNamesWithControlCharactersAreRefusedBeforeTheyReachAMessage() {
        // found by fuzzing: a GLOBAL whose name holds a tab and raw bytes was echoed into the error line
        PickleRejectedException e = rejected("\u0080\u0002ccollections\nOrd\tat x\u00de\n."
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "not a valid name");
        assertTrue(!e.getMessage().contains("\t"), e.getMessage());
    }
}
