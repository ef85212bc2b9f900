package dev.quantlab.model.pth;

import dev.quantlab.model.Half;
import dev.quantlab.model.TensorData.DType;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The PyTorch storage classes ({@code torch.FloatStorage}, ...) a weights file may reference:
 * element size, the element type QuantLab records, and how to read one element as a float.
 */
enum StorageType {
    FLOAT("FloatStorage", 4, DType.F32),
    DOUBLE("DoubleStorage", 8, DType.F64),
    HALF("HalfStorage", 2, DType.F16),
    BFLOAT16("BFloat16Storage", 2, DType.BF16),
    LONG("LongStorage", 8, DType.I64),
    INT("IntStorage", 4, DType.I32),
    SHORT("ShortStorage", 2, DType.F32),
    BYTE("ByteStorage", 1, DType.F32),
    CHAR("CharStorage", 1, DType.F32),
    BOOL("BoolStorage", 1, DType.F32);

    private final String className;
    private final int elementSize;
    private final DType dtype;

    StorageType(String className, int elementSize, DType dtype) {
        this.className = className;
        this.elementSize = elementSize;
        this.dtype = dtype;
    }

    /** The storage class for {@code torch.<className>}, if QuantLab can read it. */
    static Optional<StorageType> forClassName(String className) {
        for (StorageType t : values()) {
            if (t.className.equals(className)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The Python name, such as {@code torch.FloatStorage}. */
    String pythonName() {
        return "torch." + className;
    }

    int elementSize() {
        return elementSize;
    }

    DType dtype() {
        return dtype;
    }

    /** Element {@code index} of {@code data} (whose byte order is already set) as a float. */
    float readFloat(ByteBuffer data, int index) {
        int at = index * elementSize;
        switch (this) {
            case FLOAT: return data.getFloat(at);
            case DOUBLE: return (float) data.getDouble(at);
            case HALF: return Half.toFloat(data.getShort(at));
            case BFLOAT16: return Float.intBitsToFloat((data.getShort(at) & 0xffff) << 16);
            case LONG: return data.getLong(at);
            case INT: return data.getInt(at);
            case SHORT: return data.getShort(at);
            case BYTE: return data.get(at) & 0xff;
            case CHAR: return data.get(at);
            case BOOL: return data.get(at) != 0 ? 1f : 0f;
            default: throw new IllegalStateException(name());
        }
    }

    /** Element {@code index} of a {@link #LONG} storage, exactly. */
    long readLong(ByteBuffer data, int index) {
        return data.getLong(index * elementSize);
    }

    @Override
    public String toString() {
        return pythonName();
    }
}
