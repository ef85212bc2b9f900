package dev.quantlab.data;

import java.util.Arrays;

/**
 * A numpy array rebuilt from a pickle, kept as its raw bytes: {@code dtype} is numpy's type string
 * (for example {@code "u1"} for uint8), {@code shape} its dimensions and {@code data} its elements in
 * the order given by {@code fortranOrder} (row-major when false).
 */
record NumpyArray(String dtype, int[] shape, boolean fortranOrder, byte[] data) {

    /** True for numpy's unsigned 8-bit type ({@code uint8}, type string {@code u1}). */
    boolean isUint8() {
        return "u1".equals(dtype);
    }

    /** The data in row-major (C) order; a Fortran-ordered 2-D array is transposed, anything else returned as is. */
    byte[] rowMajorData() {
        if (!fortranOrder || shape.length != 2) {
            return data;
        }
        int rows = shape[0];
        int cols = shape[1];
        byte[] out = new byte[data.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = data[c * rows + r];
            }
        }
        return out;
    }

    /** The shape as Python prints it, for example {@code (20, 3072)}. */
    String shapeText() {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }
}
