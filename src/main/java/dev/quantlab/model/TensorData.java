package dev.quantlab.model;

import java.util.Arrays;

/**
 * A named-free host tensor: shape, element type as stored in files, and values as float.
 * Integer counters (BatchNorm's {@code num_batches_tracked}) are kept as {@link DType#I64}
 * and stored exactly in {@link #longValue}.
 */
public record TensorData(long[] shape, DType dtype, float[] values, long longValue) {

    /** Element types QuantLab reads and writes. */
    public enum DType { F32, F16, BF16, F64, I64, I32 }

    public static TensorData of(float[] values, long... shape) {
        if (Shapes.numel(shape) != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs "
                    + Shapes.numel(shape) + " values, got " + values.length);
        }
        return new TensorData(shape.clone(), DType.F32, values, 0);
    }

    public static TensorData scalarLong(long value) {
        return new TensorData(new long[0], DType.I64, new float[] {value}, value);
    }

    public long numel() {
        return Shapes.numel(shape);
    }

    public boolean isInteger() {
        return dtype == DType.I64 || dtype == DType.I32;
    }

    public TensorData copy() {
        return new TensorData(shape.clone(), dtype, values.clone(), longValue);
    }

    public String shapeString() {
        return Arrays.toString(shape);
    }
}
