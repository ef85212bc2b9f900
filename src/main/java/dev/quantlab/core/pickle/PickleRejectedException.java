package dev.quantlab.core.pickle;

/**
 * A pickle that {@link SafeUnpickler} will not read. The message is a user-facing phrase without the
 * file name (for example "it references the Python global 'os.system', ..."); callers prefix it with the
 * file they were reading.
 */
public final class PickleRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the pickle was rejected: it asks for something forbidden, or it is damaged or absurdly large. */
    public enum Kind { REFUSED, DAMAGED }

    private final Kind kind;

    public PickleRejectedException(Kind kind, String message) {
        super(SafeUnpickler.oneLine(message), null, false, false);
        this.kind = kind;
    }

    /** The pickle asks for code, classes or features a data file must never need. */
    public static PickleRejectedException refused(String message) {
        return new PickleRejectedException(Kind.REFUSED, message);
    }

    /** The pickle is truncated, malformed, or far larger or deeper than a data file can be. */
    public static PickleRejectedException damaged(String message) {
        return new PickleRejectedException(Kind.DAMAGED, message);
    }

    public Kind kind() {
        return kind;
    }
}
