package dev.quantlab.core;

/** Thrown by a job that stopped because its {@link CancellationToken} was cancelled. */
public class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean saysWhy;

    /** Cancelled without a stated cause (in the app: the learner pressed Cancel). */
    public CancelledException() {
        super("cancelled by the user");
        this.saysWhy = false;
    }

    /** Stopped, with a message that says by what and what was kept. */
    public CancelledException(String message) {
        super(message);
        this.saysWhy = true;
    }

    /** Whether the message says why the job stopped (not only the generic "cancelled by the user"). */
    public boolean saysWhy() {
        return saysWhy;
    }
}
