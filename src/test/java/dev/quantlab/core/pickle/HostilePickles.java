package dev.quantlab.core.pickle;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Small hostile pickles from the reliability report (issue 14, items 7-9), crafted byte by byte. Each is a
 * pickle whose top-level value is a dict (so readers get as far as they can), unless its name says otherwise.
 */
public final class HostilePickles {
    private HostilePickles() { }

    private static final int PROTO = 0x80;
    private static final int EMPTY_DICT = '}';
    private static final int EMPTY_LIST = ']';
    private static final int APPEND = 'a';
    private static final int NONE = 'N';
    private static final int SETITEM = 's';
    private static final int STOP = '.';

    /**
     * The hostile pickles that every reader built on the safe unpickler must refuse, each with a word its one-line
     * message contains (for {@code @MethodSource("dev.quantlab.core.pickle.HostilePickles#refused")}):
     * unhashable dict keys and set elements, a deep list handed to {@code torch.device}, a 2-million-digit
     * integer, and a flood of empty lists.
     */
    public static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("self-referencing list as a dict key", selfReferencingListAsKey(), "unhashable"),
                Arguments.of("deep list as a dict key", deepListAsKey(200_000), "unhashable"),
                Arguments.of("self-referencing list in a set", selfReferencingListInSet(), "unhashable"),
                Arguments.of("deep list passed to torch.device", deepListToTorchDevice(200_000), "torch.device"),
                Arguments.of("integer of two million digits", longOfDigits(2_000_000), "4300 digits"),
                Arguments.of("flood of empty lists", emptyListFlood(3_000_000), "instructions"));
    }

    /** {@code {L: None}} where the list L contains itself (Python: unhashable type: 'list'). */
    public static byte[] selfReferencingListAsKey() {
        return bytes(PROTO, 2, EMPTY_DICT, EMPTY_LIST, 'q', 0, 'h', 0, APPEND, NONE, SETITEM, STOP);
    }

    /** {@code {[[[...]]]: None}}, a list nested {@code depth} deep as a dict key. */
    public static byte[] deepListAsKey(int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(PROTO);
        out.write(2);
        out.write(EMPTY_DICT);
        nestedList(out, depth);
        out.write(NONE);
        out.write(SETITEM);
        out.write(STOP);
        return out.toByteArray();
    }

    /** A set holding a self-referencing list (protocol 4 EMPTY_SET/ADDITEMS), as the value of {@code {'k': set}}. */
    public static byte[] selfReferencingListInSet() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, PROTO, 4, EMPTY_DICT);
        write(out, 0x8c, 1, 'k');                       // SHORT_BINUNICODE 'k'
        write(out, 0x8f, '(', EMPTY_LIST, 'q', 0, 'h', 0, APPEND, 0x90); // EMPTY_SET MARK [L] ADDITEMS
        write(out, SETITEM, STOP);
        return out.toByteArray();
    }

    /** {@code {'d': torch.device([[[...]]])}}: a deeply nested list passed to torch.device. */
    public static byte[] deepListToTorchDevice(int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, PROTO, 2, EMPTY_DICT);
        write(out, 'X', 1, 0, 0, 0, 'd');              // BINUNICODE 'd'
        out.writeBytes("ctorch\ndevice\n".getBytes(StandardCharsets.US_ASCII));
        nestedList(out, depth);
        write(out, 0x85, 'R', SETITEM, STOP);          // TUPLE1 REDUCE
        return out.toByteArray();
    }

    /** {@code n} EMPTY_LIST instructions in a row, then STOP: tiny when deflated, millions of objects. */
    public static byte[] emptyListFlood(int n) {
        byte[] b = new byte[n + 3];
        b[0] = (byte) PROTO;
        b[1] = 2;
        java.util.Arrays.fill(b, 2, n + 2, (byte) EMPTY_LIST);
        b[n + 2] = STOP;
        return b;
    }

    /** {@code {'n': <a text LONG of digits digits>}} (protocol 0 LONG instruction). */
    public static byte[] longOfDigits(int digits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, PROTO, 2, EMPTY_DICT);
        write(out, 'X', 1, 0, 0, 0, 'n');
        out.write('L');
        byte[] ones = new byte[digits];
        java.util.Arrays.fill(ones, (byte) '7');
        out.writeBytes(ones);
        write(out, 'L', '\n', SETITEM, STOP);
        return out.toByteArray();
    }

    private static void nestedList(ByteArrayOutputStream out, int depth) {
        for (int i = 0; i < depth; i++) {
            out.write(EMPTY_LIST);
        }
        for (int i = 1; i < depth; i++) {
            out.write(APPEND);
        }
    }

    private static void write(ByteArrayOutputStream out, int... values) {
        for (int v : values) {
            out.write(v);
        }
    }

    private static byte[] bytes(int... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, values);
        return out.toByteArray();
    }
}
