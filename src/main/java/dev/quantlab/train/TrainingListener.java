package dev.quantlab.train;

/** Bridges training progress to a console, a log file or a live chart. */
public interface TrainingListener {
    default void onStep(StepResult step) { }

    default void onEpoch(EpochResult epoch) { }

    default void onMessage(String line) { }

    TrainingListener NONE = new TrainingListener() { };
}
