package dev.quantlab.app.services;

import dev.quantlab.linear.ActivationRanges;
import dev.quantlab.linear.FoldedVgg;

/**
 * A BN-folded model with the activation ranges observed on training images: everything an
 * {@link dev.quantlab.linear.IntegerVgg} needs besides its bit widths and options.
 *
 * @param folded  the fp32 model with every BatchNorm folded into its conv
 * @param ranges  min/max of each layer's input and output on the calibration images
 * @param images  how many (augmented) training images were run through the fp32 model
 * @param seconds how long reading the images and calibrating took
 */
public record Calibration(FoldedVgg folded, ActivationRanges ranges, int images, double seconds) { }
