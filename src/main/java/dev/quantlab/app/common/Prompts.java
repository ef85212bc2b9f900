package dev.quantlab.app.common;

import dev.quantlab.app.jobs.JobStart;

/**
 * What the app does when an action lacks its inputs: explain how to get them. Production opens dialogs;
 * tests record the calls.
 */
public interface Prompts {
    /** CIFAR-10 is missing: offer to download it or to choose a folder. */
    void needData();

    /** No weights are loaded: explain and offer to open a .safetensors or .pth file. */
    void needModel();

    /** Lets the user pick a weights file and loads it. */
    void openModelFile();

    /** Explains what a run that did not start lacks (data or model); other outcomes need no prompt. */
    default void explain(JobStart outcome) {
        if (outcome == JobStart.NEED_DATA) {
            needData();
        } else if (outcome == JobStart.NEED_MODEL) {
            needModel();
        }
    }
}
