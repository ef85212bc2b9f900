package dev.quantlab.onnx;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * An ONNX graph being built, written as a {@code ModelProto} with protobuf-java's {@link CodedOutputStream}
 * (no generated classes, so the build needs no protoc on any OS). Field numbers and enum values are those of
 * {@code onnx.proto} (IR version 8); only the messages QuantLab writes are covered: model, opset, graph, node,
 * attribute, tensor (raw little-endian data) and value info with a tensor type and shape.
 */
public final class OnnxGraph {
    /** ONNX {@code TensorProto.DataType} values. */
    public static final int FLOAT = 1;
    public static final int UINT8 = 2;
    public static final int INT8 = 3;
    public static final int INT32 = 6;
    public static final int INT64 = 7;
    public static final int DOUBLE = 11;

    /** The IR version written: ONNX 1.10-1.12 (checked by Debian's python3-onnx 1.12). */
    public static final long IR_VERSION = 8;

    private final String name;
    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private int nodeCount;

    public OnnxGraph(String name) {
        this.name = name;
    }

    /** A node attribute: an int, a float, a list of ints or a string. */
    public record Attribute(String name, int type, long i, float f, long[] ints, String s) {
        public static Attribute of(String name, long value) {
            return new Attribute(name, 2, value, 0, null, null);
        }

        public static Attribute of(String name, float value) {
            return new Attribute(name, 1, 0, value, null, null);
        }

        public static Attribute ints(String name, long... values) {
            return new Attribute(name, 7, 0, 0, values.clone(), null);
        }

        public static Attribute of(String name, String value) {
            return new Attribute(name, 3, 0, 0, null, value);
        }
    }

    /** Adds a float32 initializer and returns its name. */
    public String floats(String tensorName, float[] values, long... dims) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return initializer(tensorName, FLOAT, dims, b.array(), values.length);
    }

    /** Adds a float64 initializer and returns its name. */
    public String doubles(String tensorName, double[] values, long... dims) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(values);
        return initializer(tensorName, DOUBLE, dims, b.array(), values.length);
    }

    /** Adds an int32 initializer and returns its name. */
    public String ints(String tensorName, int[] values, long... dims) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(values);
        return initializer(tensorName, INT32, dims, b.array(), values.length);
    }

    /** Adds an int64 initializer and returns its name. */
    public String longs(String tensorName, long[] values, long... dims) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return initializer(tensorName, INT64, dims, b.array(), values.length);
    }

    /** Adds an int8 or uint8 initializer ({@code dataType} {@link #INT8} or {@link #UINT8}) and returns its name. */
    public String bytes(String tensorName, int dataType, byte[] values, long... dims) {
        return initializer(tensorName, dataType, dims, values.clone(), values.length);
    }

    private String initializer(String tensorName, int dataType, long[] dims, byte[] raw, int count) {
        long numel = 1;
        for (long d : dims) {
            numel *= d;
        }
        if (numel != count) {
            throw new IllegalArgumentException(tensorName + ": " + count + " values for shape "
                    + java.util.Arrays.toString(dims));
        }
        initializers.add(message(out -> {
            for (long d : dims) {
                out.writeInt64(1, d);
            }
            out.writeInt32(2, dataType);
            out.writeString(8, tensorName);
            out.writeByteArray(9, raw);
        }));
        return tensorName;
    }

    /** Declares a graph input; a dim is a {@code Long} (fixed) or a {@code String} (symbolic, e.g. "N"). */
    public void input(String valueName, int elemType, Object... dims) {
        inputs.add(valueInfo(valueName, elemType, dims));
    }

    /** Declares a graph output (dims as in {@link #input}). */
    public void output(String valueName, int elemType, Object... dims) {
        outputs.add(valueInfo(valueName, elemType, dims));
    }

    /** Adds a node of the default domain with one output named after it; returns that output's name. */
    public String node(String opType, String outputName, List<String> in, Attribute... attributes) {
        String nodeName = opType + "_" + nodeCount++;
        nodes.add(message(out -> {
            for (String i : in) {
                out.writeString(1, i);
            }
            out.writeString(2, outputName);
            out.writeString(3, nodeName);
            out.writeString(4, opType);
            for (Attribute a : attributes) {
                out.writeByteArray(5, attribute(a));
            }
        }));
        return outputName;
    }

    /** The {@code ModelProto} bytes: this graph with the default-domain opset {@code opset}. */
    public byte[] toModel(String producer, String producerVersion, int opset, String docString) {
        byte[] graph = message(out -> {
            for (byte[] n : nodes) {
                out.writeByteArray(1, n);
            }
            out.writeString(2, name);
            for (byte[] t : initializers) {
                out.writeByteArray(5, t);
            }
            for (byte[] v : inputs) {
                out.writeByteArray(11, v);
            }
            for (byte[] v : outputs) {
                out.writeByteArray(12, v);
            }
        });
        byte[] opsetId = message(out -> {
            out.writeString(1, "");
            out.writeInt64(2, opset);
        });
        return message(out -> {
            out.writeInt64(1, IR_VERSION);
            out.writeString(2, producer);
            out.writeString(3, producerVersion);
            out.writeString(6, docString);
            out.writeByteArray(7, graph);
            out.writeByteArray(8, opsetId);
        });
    }

    private static byte[] attribute(Attribute a) {
        return message(out -> {
            out.writeString(1, a.name());
            switch (a.type()) {
                case 1 -> out.writeFloat(2, a.f());
                case 2 -> out.writeInt64(3, a.i());
                case 3 -> out.writeByteArray(4, a.s().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                default -> {
                    for (long v : a.ints()) {
                        out.writeInt64(8, v);
                    }
                }
            }
            out.writeInt32(20, a.type());
        });
    }

    private static byte[] valueInfo(String valueName, int elemType, Object[] dims) {
        byte[] shape = message(out -> {
            for (Object d : dims) {
                out.writeByteArray(1, message(dim -> {
                    if (d instanceof String s) {
                        dim.writeString(2, s);
                    } else {
                        dim.writeInt64(1, ((Number) d).longValue());
                    }
                }));
            }
        });
        byte[] tensorType = message(out -> {
            out.writeInt32(1, elemType);
            out.writeByteArray(2, shape);
        });
        byte[] type = message(out -> out.writeByteArray(1, tensorType));
        return message(out -> {
            out.writeString(1, valueName);
            out.writeByteArray(2, type);
        });
    }

    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            body.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
