package dev.quantlab.app.qat;

import dev.quantlab.kmeans.qat.UpdateRule;

/**
 * One finished (or stopped) QAT run in the tab's table.
 *
 * @param bits          bits per weight
 * @param rule          centroid update rule
 * @param fp32          fp32 accuracy on the same test images (%)
 * @param before        accuracy right after k-means quantization (%)
 * @param after         best accuracy after QAT (so far, when stopped), or {@code before} when no training was needed
 * @param trained       whether QAT ran (the drop exceeded the threshold)
 * @param epochs        epochs that finished
 * @param plannedEpochs epochs the run was set to (at most)
 * @param stopped       whether the learner stopped it before it ended
 * @param fraction      fraction of each epoch run
 * @param seconds       wall time of the whole run
 * @param testImages    test images of every evaluation
 */
public record QatRow(int bits, UpdateRule rule, double fp32, double before, double after, boolean trained,
                     int epochs, int plannedEpochs, boolean stopped, double fraction, double seconds,
                     int testImages) { }
