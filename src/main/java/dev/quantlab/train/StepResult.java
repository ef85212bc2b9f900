package dev.quantlab.train;

/** One optimisation step: mean loss and correct predictions over the batch, at learning rate {@code lr}. */
public record StepResult(int epoch, int stepInEpoch, int stepsInEpoch, long globalStep, double loss, int correct,
        int batch, double lr) { }
