package dev.quantlab.linear;

/** How an int32 accumulator is scaled to the output's int8 scale. */
public enum RequantMode {
    /** The lesson's way: multiply by the float32 {@code M = S_in * S_w / S_out}, add Z_out, round half to even. */
    FLOAT_MULTIPLIER,
    /** Integer only: {@code M ~= M0 * 2^-(31+n)} with a rounding right shift (Jacob et al., CVPR 2018). */
    FIXED_POINT
}
