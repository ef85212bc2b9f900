package dev.quantlab.linear;

/** How many scales a symmetric weight tensor gets. */
public enum WeightGranularity {
    /** One scale per output channel (the lesson's choice). */
    PER_CHANNEL,
    /** One scale for the whole tensor (to compare: measurably worse). */
    PER_TENSOR
}
