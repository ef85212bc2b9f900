package dev.quantlab.app.common;

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
}
