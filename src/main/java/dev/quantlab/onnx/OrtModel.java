package dev.quantlab.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.quantlab.data.CifarSplit;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * An ONNX model loaded into ONNX Runtime (CPU, all graph optimizations, one intra-op thread per core, like
 * libtorch here). {@link #int8Logits} runs a model from {@link Int8OnnxExporter} on raw uint8 pixels,
 * {@link #floatLogits} one from {@link Fp32OnnxExporter} on float images in [0,1].
 */
public final class OrtModel implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;

    private OrtModel(OrtEnvironment env, OrtSession session) {
        this.env = env;
        this.session = session;
    }

    /** Loads ONNX bytes with {@code threads} intra-op threads ({@code <= 0}: one per core). */
    public static OrtModel load(byte[] onnx, int threads) {
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                options.setIntraOpNumThreads(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
                options.setInterOpNumThreads(1);
                return new OrtModel(env, env.createSession(onnx, options));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load the model: " + e.getMessage(), e);
        }
    }

    /** ONNX Runtime's version string. */
    public static String version() {
        return OrtEnvironment.getEnvironment().getVersion();
    }

    /** The int8 logits of {@code n} uint8 CIFAR images ({@code n x 3072}, channel planes). */
    public int[][] int8Logits(byte[] uint8Images, int n) {
        ByteBuffer data = ByteBuffer.allocateDirect(n * CifarSplit.IMAGE_BYTES);
        data.put(uint8Images, 0, n * CifarSplit.IMAGE_BYTES).flip();
        try (OnnxTensor x = OnnxTensor.createTensor(env, data, shape(n), OnnxJavaType.UINT8);
             OrtSession.Result r = session.run(Map.of(Int8OnnxExporter.INPUT, x),
                     java.util.Set.of(Int8OnnxExporter.INT8_LOGITS))) {
            byte[][] v = (byte[][]) r.get(0).getValue();
            int[][] out = new int[n][];
            for (int i = 0; i < n; i++) {
                out[i] = new int[v[i].length];
                for (int j = 0; j < v[i].length; j++) {
                    out[i][j] = v[i][j];
                }
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    /** The float logits of {@code n} images given as floats in [0,1] ({@code n x 3072}, channel planes). */
    public float[][] floatLogits(float[] images, int n) {
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(images, 0, n * CifarSplit.IMAGE_BYTES),
                shape(n));
             OrtSession.Result r = session.run(Map.of(Fp32OnnxExporter.INPUT, x))) {
            return (float[][]) r.get(0).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    private static long[] shape(int n) {
        return new long[] {n, 3, 32, 32};
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
