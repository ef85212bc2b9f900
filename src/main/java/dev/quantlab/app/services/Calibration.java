package dev.quantlab.app.services;

import dev.quantlab.linear.ActivationRanges;
import dev.quantlab.linear.FoldedVgg;

/**
 * A BN-folded model with the activation ranges observed on training images: everything an
 * {@link dev.quantlab.linear.IntegerVgg} needs besides its bit widths and options.
 *
 * @param folded      the fp32 model with every BatchNorm folded into its conv
 * @param ranges      each layer's input and output range on the calibration images, taken by {@code method}
 * @param images      how many (augmented) training images were run through the fp32 model
 * @param seconds     how long reading the images and calibrating took
 * @param method      how the ranges were taken from what was observed
 * @param bits        the activation bit width the ranges aim at (MSE and entropy; 8 for the others)
 * @param observation what the calibration images showed at every point (histograms, every method's ranges)
 */
public record Calibration(FoldedVgg folded, ActivationRanges ranges, int images, double seconds, RangeMethod method,
                          int bits, ActivationObservation observation) { }
