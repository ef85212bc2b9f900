package dev.quantlab.kmeans.qat;

import dev.quantlab.core.CancelledException;

/**
 * QAT was stopped (cancelled) while fine-tuning. Carries what it had reached: the epochs that finished and the
 * best accuracy and weights so far ({@link QatResult#stopped()} is true), so that a caller can still show and
 * record them.
 */
public final class QatStoppedException extends CancelledException {
    private static final long serialVersionUID = 1L;
    private final transient QatResult soFar;

    QatStoppedException(QatResult soFar) {
        this.soFar = soFar;
    }

    /** The run as far as it got. */
    public QatResult soFar() {
        return soFar;
    }
}
