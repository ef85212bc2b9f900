package dev.quantlab.core.pickle;

import dev.quantlab.core.ClassPhrases;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * The one restricted unpickler of QuantLab, used for PyTorch checkpoints and CIFAR-10 Python batches.
 * It runs Pyrolite's pickle machine with the rules for untrusted data files:
 * <ul>
 *   <li>globals only through the caller's {@link Globals} policy; INST, OBJ, NEWOBJ_EX, the extension
 *       registry and out-of-band buffers are refused; REDUCE only calls what that policy returned;</li>
 *   <li>BUILD only through the caller's {@link Build} hook (refused by default);</li>
 *   <li>every length prefix (read as Python does: signed for BINSTRING and LONG4, unsigned otherwise, FRAME
 *       included) is checked against the bytes really left before anything is allocated;</li>
 *   <li>at most {@link #MAX_OPCODES} instructions, so objects, stack and memo stay bounded, and text
 *       integers of at most {@link #MAX_INT_DIGITS} digits, as Python 3.11+ limits int/str conversion;</li>
 *   <li>dicts keep file order; dict keys and set elements must be hashable as in Python (no list, dict or
 *       set, also not inside a tuple), so no hash or equals ever recurses through hostile data.</li>
 * </ul>
 * Every problem is a {@link PickleRejectedException} with a user-facing message; exceptions thrown by the
 * caller's hooks pass through unchanged. One instance reads one pickle.
 */
public final class SafeUnpickler extends Unpickler {
    /** More instructions than any weights file or dataset batch needs (a VGG state dict takes ~3,000). */
    public static final long MAX_OPCODES = 2_000_000;
    /** Python 3.11+'s default {@code sys.get_int_max_str_digits()}. */
    public static final int MAX_INT_DIGITS = 4300;
    private static final int MAX_NAME_LINE = 1024;
    private static final int MAX_TUPLE_KEY_ITEMS = 10_000;
    private static final ClassPhrases KINDS = new ClassPhrases()
            .add(Object[].class, "a tuple")
            .add(String.class, "a string")
            .add(Map.class, "a dict")
            .add(List.class, "a list")
            .add(Set.class, "a set")
            .add(byte[].class, "bytes")
            .add(Number.class, "a number")
            .add(Boolean.class, "a bool");

    /** Resolves {@code module.name} of a GLOBAL instruction, or throws {@link PickleRejectedException}. */
    @FunctionalInterface
    public interface Globals {
        Object resolve(String module, String name);
    }

    /** Applies a BUILD instruction's {@code state} to {@code target}, or throws to refuse it. */
    @FunctionalInterface
    public interface Build {
        void build(Object target, Object state);
    }

    /** Resolves a persistent id (PyTorch's storage references). */
    @FunctionalInterface
    public interface PersistentIds {
        Object load(Object pid);
    }

    private final Globals globals;
    private final Build build;
    private final PersistentIds persistentIds;
    private final long maxOpcodes;
    private Bounded in;
    private long opcodes;

    private SafeUnpickler(Globals globals, Build build, PersistentIds persistentIds, long maxOpcodes) {
        this.globals = globals;
        this.build = build;
        this.persistentIds = persistentIds;
        this.maxOpcodes = maxOpcodes;
    }

    /** An unpickler that allows the globals {@code globals} resolves, no BUILD and no persistent ids. */
    public static SafeUnpickler withGlobals(Globals globals) {
        return new SafeUnpickler(globals, null, null, MAX_OPCODES);
    }

    /** This unpickler with a BUILD hook. */
    public SafeUnpickler withBuild(Build hook) {
        return new SafeUnpickler(globals, hook, persistentIds, maxOpcodes);
    }

    /** This unpickler with a persistent-id resolver. */
    public SafeUnpickler withPersistentIds(PersistentIds resolver) {
        return new SafeUnpickler(globals, build, resolver, maxOpcodes);
    }

    /**
     * Reads one pickle (up to its STOP instruction) from {@code stream}, which holds at most {@code available}
     * more bytes; nothing after STOP is consumed.
     *
     * @throws PickleRejectedException if the pickle is refused, damaged or truncated
     * @throws IOException if reading the stream itself fails
     */
    public Object read(InputStream stream, long available) throws IOException {
        in = new Bounded(stream, available);
        opcodes = 0;
        try {
            return load(in);
        } catch (PickleRejectedException e) {
            throw e;
        } catch (EOFException e) {
            throw truncated();
        } catch (IOException e) {
            if (in.remaining() == 0 || String.valueOf(e.getMessage()).contains("premature end")) {
                throw truncated();
            }
            throw e;
        } catch (PickleException e) {
            throw PickleRejectedException.damaged("its pickled data is malformed (" + printable(e.getMessage()) + ")");
        } catch (IndexOutOfBoundsException | NoSuchElementException e) {
            throw PickleRejectedException.damaged("its pickled data is malformed (an instruction takes more values "
                    + "than the pickle put on its stack)");
        } catch (ClassCastException e) {
            throw PickleRejectedException.damaged("its pickled data is malformed (an instruction is applied to a "
                    + "value of the wrong type)");
        } catch (NumberFormatException e) {
            throw PickleRejectedException.damaged("its pickled data is malformed (a number in it cannot be read)");
        } catch (ArithmeticException | IllegalArgumentException | NegativeArraySizeException
                 | IllegalStateException | NullPointerException e) {
            throw PickleRejectedException.damaged("its pickled data is malformed (" + e.getClass().getSimpleName()
                    + ")");
        } catch (StackOverflowError e) {
            throw PickleRejectedException.damaged("its pickled data is nested too deeply");
        } finally {
            if (stack != null) {
                stack.clear();
            }
            memo.clear();
        }
    }

    private static PickleRejectedException truncated() {
        return PickleRejectedException.damaged("the file ends in the middle of its pickled data; it is truncated");
    }

    @Override
    protected Object dispatch(short key) throws IOException {
        if (++opcodes > maxOpcodes) {
            throw PickleRejectedException.damaged("its pickle has more than " + maxOpcodes
                    + " instructions, far more than a data file needs");
        }
        switch (key) {
            case Opcodes.GLOBAL: {
                String module = readLine(MAX_NAME_LINE);
                String name = readLine(MAX_NAME_LINE);
                stack.add(resolve(module, name));
                return NO_RETURN_VALUE;
            }
            case Opcodes.STACK_GLOBAL: {
                Object name = stack.pop();
                Object module = stack.pop();
                if (!(name instanceof String) || !(module instanceof String)) {
                    throw PickleRejectedException.damaged("its pickle has a STACK_GLOBAL instruction that names "
                            + "no class");
                }
                stack.add(resolve((String) module, (String) name));
                return NO_RETURN_VALUE;
            }
            case Opcodes.INST: {
                String module = readLine(MAX_NAME_LINE);
                String name = readLine(MAX_NAME_LINE);
                resolve(module, name); // refuses unknown names by name
                throw PickleRejectedException.refused("it instantiates a Python class (pickle INST instruction), "
                        + "which is not allowed in a data file");
            }
            case Opcodes.OBJ:
                throw PickleRejectedException.refused("it instantiates a Python class (pickle OBJ instruction), "
                        + "which is not allowed in a data file");
            case Opcodes.NEWOBJ_EX:
                throw PickleRejectedException.refused("it instantiates a Python class with keyword arguments "
                        + "(pickle NEWOBJ_EX instruction), which is not allowed in a data file");
            case Opcodes.EXT1:
            case Opcodes.EXT2:
            case Opcodes.EXT4:
                throw PickleRejectedException.refused("it uses the pickle extension registry, "
                        + "which is not allowed in a data file");
            case Opcodes.NEXT_BUFFER:
            case Opcodes.READONLY_BUFFER:
                throw PickleRejectedException.refused("it refers to out-of-band buffers (pickle protocol 5), "
                        + "which a data file cannot use");
            case Opcodes.REDUCE:
            case Opcodes.NEWOBJ:
                reduce();
                return NO_RETURN_VALUE;
            case Opcodes.BUILD: {
                Object state = stack.pop();
                Object target = stack.peek();
                if (build == null) {
                    throw PickleRejectedException.damaged("its pickle sets the state of an object (BUILD), which "
                            + "this kind of file never does");
                }
                build.build(target, state);
                return NO_RETURN_VALUE;
            }
            case Opcodes.PERSID:
                stack.add(persistentLoad(readLine(MAX_NAME_LINE)));
                return NO_RETURN_VALUE;
            case Opcodes.INT:
                stack.add(parseInt(readLine(MAX_INT_DIGITS + 2)));
                return NO_RETURN_VALUE;
            case Opcodes.LONG:
                stack.add(parseLong(readLine(MAX_INT_DIGITS + 2)));
                return NO_RETURN_VALUE;
            case Opcodes.FLOAT:
                stack.add(Double.parseDouble(readLine(MAX_NAME_LINE).trim()));
                return NO_RETURN_VALUE;
            case Opcodes.BINSTRING:
                stack.add(PickleUtils.rawStringFromBytes(readSized(signedLength(4))));
                return NO_RETURN_VALUE;
            case Opcodes.BINUNICODE:
                stack.add(new String(readSized(unsignedLength(4)), StandardCharsets.UTF_8));
                return NO_RETURN_VALUE;
            case Opcodes.BINUNICODE8:
                stack.add(new String(readSized(unsignedLength(8)), StandardCharsets.UTF_8));
                return NO_RETURN_VALUE;
            case Opcodes.BINBYTES:
                stack.add(readSized(unsignedLength(4)));
                return NO_RETURN_VALUE;
            case Opcodes.BINBYTES8:
            case Opcodes.BYTEARRAY8:
                stack.add(readSized(unsignedLength(8)));
                return NO_RETURN_VALUE;
            case Opcodes.LONG4:
                stack.add(PickleUtils.decode_long(readSized(signedLength(4))));
                return NO_RETURN_VALUE;
            case Opcodes.FRAME:
                unsignedLength(8); // a frame is only a read-ahead hint; its length must fit what is left
                return NO_RETURN_VALUE;
            case Opcodes.EMPTY_DICT:
                stack.add(new LinkedHashMap<Object, Object>());
                return NO_RETURN_VALUE;
            case Opcodes.DICT: {
                Map<Object, Object> dict = new LinkedHashMap<>();
                putPairs(dict, stack.pop_all_since_marker());
                stack.add(dict);
                return NO_RETURN_VALUE;
            }
            case Opcodes.SETITEM: {
                Object value = stack.pop();
                Object k = stack.pop();
                requireHashable(k);
                targetDict().put(k, value);
                return NO_RETURN_VALUE;
            }
            case Opcodes.SETITEMS: {
                List<Object> items = stack.pop_all_since_marker();
                putPairs(targetDict(), items);
                return NO_RETURN_VALUE;
            }
            case Opcodes.EMPTY_SET:
                stack.add(new LinkedHashSet<Object>());
                return NO_RETURN_VALUE;
            case Opcodes.FROZENSET: {
                Set<Object> set = new LinkedHashSet<>();
                addAll(set, stack.pop_all_since_marker());
                stack.add(set);
                return NO_RETURN_VALUE;
            }
            case Opcodes.ADDITEMS: {
                List<Object> items = stack.pop_all_since_marker();
                Object target = stack.peek();
                if (!(target instanceof Set)) {
                    throw PickleRejectedException.damaged("its pickle adds set items to " + describe(target));
                }
                @SuppressWarnings("unchecked")
                Set<Object> set = (Set<Object>) target;
                addAll(set, items);
                return NO_RETURN_VALUE;
            }
            case Opcodes.APPEND: {
                Object value = stack.pop();
                targetList().add(value);
                return NO_RETURN_VALUE;
            }
            case Opcodes.APPENDS: {
                List<Object> items = stack.pop_all_since_marker();
                targetList().addAll(items);
                return NO_RETURN_VALUE;
            }
            default:
                return super.dispatch(key);
        }
    }

    /** Resolves a global; names must be printable ASCII (no Python module or name is otherwise). */
    private Object resolve(String module, String name) {
        for (String part : new String[] {module, name}) {
            if (part.isEmpty() || part.length() > MAX_NAME_LINE || !part.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw PickleRejectedException.damaged("its pickle names a Python global that is not a valid name "
                        + "(empty, too long or with non-printable characters)");
            }
        }
        return globals.resolve(module, name);
    }

    @Override
    protected Object persistentLoad(Object pid) {
        if (persistentIds == null) {
            throw PickleRejectedException.damaged("its pickle refers to external data (a persistent id) where "
                    + "none is expected");
        }
        return persistentIds.load(pid);
    }

    private void reduce() {
        Object args = stack.pop();
        Object callable = stack.pop();
        if (!(callable instanceof IObjectConstructor)) {
            throw PickleRejectedException.damaged("its pickle calls " + describe(callable)
                    + ", which is not a function");
        }
        if (!(args instanceof Object[])) {
            throw PickleRejectedException.damaged("its pickle calls a function with " + describe(args)
                    + " instead of an argument tuple");
        }
        stack.add(((IObjectConstructor) callable).construct((Object[]) args));
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> targetDict() {
        Object target = stack.peek();
        if (!(target instanceof Map)) {
            throw PickleRejectedException.damaged("its pickle stores items into " + describe(target)
                    + " instead of a dict");
        }
        return (Map<Object, Object>) target;
    }

    @SuppressWarnings("unchecked")
    private List<Object> targetList() {
        Object target = stack.peek();
        if (!(target instanceof List)) {
            throw PickleRejectedException.damaged("its pickle appends to " + describe(target)
                    + " instead of a list");
        }
        return (List<Object>) target;
    }

    private static void putPairs(Map<Object, Object> dict, List<Object> items) {
        if (items.size() % 2 != 0) {
            throw PickleRejectedException.damaged("its pickle has a dict with an odd number of keys and values");
        }
        for (int i = 0; i < items.size(); i += 2) {
            requireHashable(items.get(i));
            dict.put(items.get(i), items.get(i + 1));
        }
    }

    private static void addAll(Set<Object> set, Collection<Object> items) {
        for (Object item : items) {
            requireHashable(item);
            set.add(item);
        }
    }

    /**
     * Refuses what Python cannot hash (list, dict, set, or a tuple holding one), so Java never hashes or
     * compares a container: a self-referencing or deeply nested list as a key would recurse until the stack
     * overflows. Iterative, and bounded for tuples.
     */
    public static void requireHashable(Object key) {
        Deque<Object> work = new ArrayDeque<>();
        work.push(key);
        int seen = 0;
        while (!work.isEmpty()) {
            Object o = work.pop();
            if (o instanceof List || o instanceof Map || o instanceof Set) {
                throw PickleRejectedException.damaged("its pickle uses " + describe(o) + " as a dict key or set "
                        + "element; Python refuses that too (unhashable type)");
            }
            if (o instanceof Object[]) {
                Object[] tuple = (Object[]) o;
                seen += tuple.length + 1;
                if (seen > MAX_TUPLE_KEY_ITEMS) {
                    throw PickleRejectedException.damaged("its pickle uses a tuple key nested too deeply or too "
                            + "large for a data file");
                }
                for (Object item : tuple) {
                    work.push(item);
                }
            }
        }
    }

    /** A short, non-recursive description of an unpickled value for messages. */
    public static String describe(Object value) {
        if (value == null) {
            return "None";
        }
        return KINDS.of(value).orElse("a " + value.getClass().getSimpleName());
    }

    private Object parseInt(String line) {
        if (line.equals("00")) {
            return Boolean.FALSE;
        }
        if (line.equals("01")) {
            return Boolean.TRUE;
        }
        return parseDigits(line);
    }

    private Object parseLong(String line) {
        return parseDigits(line.endsWith("L") ? line.substring(0, line.length() - 1) : line);
    }

    private static Object parseDigits(String text) {
        String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        if (digits.length() > MAX_INT_DIGITS) {
            throw tooManyDigits();
        }
        return PickleUtils.optimizeBigint(new BigInteger(text));
    }

    private static PickleRejectedException tooManyDigits() {
        return PickleRejectedException.damaged("its pickle holds an integer with more than " + MAX_INT_DIGITS
                + " digits (Python 3.11+ refuses such conversions too)");
    }

    /** A text line without its newline; refuses lines longer than {@code max} before reading them whole. */
    private String readLine(int max) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            if (b == '\n') {
                break;
            }
            if (line.length() >= max) {
                if (max == MAX_INT_DIGITS + 2) {
                    throw tooManyDigits();
                }
                throw PickleRejectedException.damaged("its pickle has a text instruction longer than " + max
                        + " characters");
            }
            line.append((char) b);
        }
        int n = line.length();
        if (n > 0 && line.charAt(n - 1) == '\r') {
            line.setLength(n - 1);
        }
        return line.toString();
    }

    private long unsignedLength(int width) throws IOException {
        byte[] b = readExactly(width);
        long length = 0;
        for (int i = width - 1; i >= 0; i--) {
            length = (length << 8) | (b[i] & 0xff);
        }
        return checkLength(length, width == 8 && length < 0 ? Long.toUnsignedString(length) : null);
    }

    private long signedLength(int width) throws IOException {
        byte[] b = readExactly(width);
        long length = PickleUtils.bytes_to_integer(b);
        if (length < 0) {
            throw PickleRejectedException.damaged("its pickle declares a negative length (" + length + ")");
        }
        return checkLength(length, null);
    }

    private long checkLength(long length, String unsignedText) {
        if (length < 0 || length > in.remaining() || length > Integer.MAX_VALUE - 8) {
            String shown = unsignedText != null ? unsignedText : Long.toString(length);
            throw PickleRejectedException.damaged("its pickled data declares a " + shown + "-byte value but only "
                    + in.remaining() + " bytes remain; it is truncated or damaged");
        }
        return length;
    }

    private byte[] readSized(long length) throws IOException {
        return readExactly((int) length);
    }

    private byte[] readExactly(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new EOFException();
        }
        return b;
    }

    /** {@code text} with every control character (line breaks included) as '?': what a one-line message may echo. */
    public static String oneLine(String text) {
        return String.valueOf(text).replaceAll("\\p{Cntrl}", "?");
    }

    /** {@code text} with every character outside printable ASCII as '?', cut at 120 characters: safe to echo in a one-line message. */
    public static String printable(String text) {
        String s = String.valueOf(text).replaceAll("[^\\x20-\\x7e]", "?");
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    /** Counts what is read and reports end of input after {@code available} bytes. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long available) {
            super(in);
            this.left = Math.max(0, available);
        }

        long remaining() {
            return left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(Math.min(n, left));
            left -= Math.max(0, s);
            return s;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }
}
