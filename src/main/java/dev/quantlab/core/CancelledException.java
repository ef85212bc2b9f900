package dev.quantlab.core;

/** Thrown by a job that stopped because its {@link CancellationToken} was cancelled. */
public class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled by the user");
    }
}
