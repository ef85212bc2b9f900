package dev.quantlab.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's autograd mode is a per-thread setting. DJL switches it off only on the thread that loaded the
 * engine, and a gradient collector restores whatever the thread had before, so on any other thread (the app's
 * worker pool) forward passes would record graphs and in-place weight updates would fail ("a leaf Variable
 * that requires grad is being used in an in-place operation"). Every pipeline entry point that runs the network
 * outside a gradient collector calls {@link #offOnThisThread()} first.
 */
public final class GradMode {
    private GradMode() { }

    /** Turns autograd off for the calling thread (gradient collectors turn it on while they record). */
    public static void offOnThisThread() {
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            JniUtils.setGradMode(false);
        }
    }
}
