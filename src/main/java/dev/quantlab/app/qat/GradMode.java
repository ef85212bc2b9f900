package dev.quantlab.app.qat;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's autograd mode is a per-thread setting. DJL switches it off only on the thread that loaded the
 * engine, and a gradient collector restores whatever the thread had before, so on any other worker thread the
 * optimizer's in-place weight update fails ("a leaf Variable that requires grad is being used in an in-place
 * operation"). The CLI never notices (one thread); the app's jobs run on a pool, so each QAT run switches it
 * off on its own thread first.
 */
final class GradMode {
    private GradMode() { }

    /** Turns autograd off for the calling thread (gradient collectors turn it on while they record). */
    static void offOnThisThread() {
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            JniUtils.setGradMode(false);
        }
    }
}
