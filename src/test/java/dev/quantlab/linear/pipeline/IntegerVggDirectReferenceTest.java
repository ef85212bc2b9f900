package dev.quantlab.linear.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarBinaryReader;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.linear.IntegerVgg;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.linear.QuantizedConv2d;
import dev.quantlab.linear.QuantizedLayer;
import dev.quantlab.linear.QuantizedLinear;
import dev.quantlab.model.ModelFiles;
import dev.quantlab.model.VggArchitecture;
import dev.quantlab.testing.Cifar10;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole calibrated integer VGG of the shipped model, run by QuantLab's kernels (im2col + blocked GEMM, NHWC,
 * threads), against a slow direct computation written here from the lesson's formulas alone (NCHW arrays, one
 * output value at a time): the int8 logits of real test images must be identical.
 *
 * <p>Lesson, step 6: image {@code q = pixel - 128} ({@code S = 1/255, Z = -128}); conv: pad with {@code Z_in},
 * accumulate {@code q_in * q_w} in int32, add {@code q_bias - Z_in * sum(q_w)}, multiply by the float32
 * {@code S_in * S_w[oc] / S_out}, add {@code Z_out}, round half to even, clamp to [-128, 127]; int8 max-pool; the
 * 2x2 average pool truncates; the classifier is the same without padding.
 */
@Tag(Cifar10.TAG)
class IntegerVggDirectReferenceTest {
    private static final int IMAGES = 2;

    @Test
    void wholeModelGivesTheDirectReferencesInt8Logits() {
        Path bin = Cifar10.root().resolve(CifarBinaryReader.FOLDER);
        CifarSplit test = CifarBinaryReader.readTest(bin);
        IntegerVgg model;
        try (NDManager m = NDManager.newBaseManager()) {
            model = new LinearExperiment(new ActivationCalibrator.Settings(1, 64, 100, 0), CancellationToken.none())
                    .build(m, ModelFiles.load(Path.of(ModelFiles.SHIPPED)), CifarBinaryReader.readTrain(bin),
                            IntegerVggConfig.lesson(), ProgressListener.NONE).model();
        }
        byte[] pixels = Arrays.copyOfRange(test.pixels(), 0, IMAGES * CifarSplit.IMAGE_BYTES);
        int[][] fast = model.logits(pixels, IMAGES);
        for (int i = 0; i < IMAGES; i++) {
            int[] expected = direct(model, pixels, i);
            assertEquals(10, expected.length);
            assertArrayEquals(expected, fast[i], "image " + i);
        }
    }

    /** The int8 logits of image {@code i}, computed directly. */
    private static int[] direct(IntegerVgg model, byte[] pixels, int i) {
        int[][][] x = new int[3][32][32];
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < 1024; p++) {
                x[c][p / 32][p % 32] = (pixels[i * 3072 + c * 1024 + p] & 0xff) - 128;
            }
        }
        int conv = 0;
        for (VggArchitecture.Stage s : model.stages()) {
            x = s.isPool() ? maxPool(x) : conv3x3(model.convs().get(conv++), x);
        }
        assertEquals(2, x[0].length, "the backbone ends at 2x2");
        QuantizedLinear fc = model.classifier();
        int[] pooled = new int[x.length];
        for (int c = 0; c < x.length; c++) {
            pooled[c] = (x[c][0][0] + x[c][0][1] + x[c][1][0] + x[c][1][1]) / 4; // truncation toward zero
        }
        int[] logits = new int[fc.outFeatures()];
        for (int o = 0; o < logits.length; o++) {
            long acc = 0;
            long weightSum = 0;
            for (int f = 0; f < pooled.length; f++) {
                int w = fc.weights().value(o, f);
                acc += (long) pooled[f] * w;
                weightSum += w;
            }
            logits[o] = requantize(fc, acc + fc.quantizedBias()[o] - fc.input().zeroPoint() * weightSum, o);
        }
        return logits;
    }

    private static int[][][] conv3x3(QuantizedConv2d layer, int[][][] in) {
        int cin = in.length;
        int h = in[0].length;
        int w = in[0][0].length;
        int cout = layer.weights().outChannels();
        int zIn = layer.input().zeroPoint();
        int[][][] out = new int[cout][h][w];
        for (int oc = 0; oc < cout; oc++) {
            long weightSum = 0;
            for (int k = 0; k < cin * 9; k++) {
                weightSum += layer.weights().value(oc, k);
            }
            long shiftedBias = layer.quantizedBias()[oc] - zIn * weightSum;
            for (int y = 0; y < h; y++) {
                for (int xx = 0; xx < w; xx++) {
                    long acc = 0;
                    for (int ic = 0; ic < cin; ic++) {
                        for (int ky = 0; ky < 3; ky++) {
                            for (int kx = 0; kx < 3; kx++) {
                                int iy = y + ky - 1;
                                int ix = xx + kx - 1;
                                int q = iy < 0 || iy >= h || ix < 0 || ix >= w ? zIn : in[ic][iy][ix];
                                acc += (long) q * layer.weights().value(oc, (ic * 3 + ky) * 3 + kx);
                            }
                        }
                    }
                    out[oc][y][xx] = requantize(layer, acc + shiftedBias, oc);
                }
            }
        }
        return out;
    }

    private static int[][][] maxPool(int[][][] in) {
        int h = in[0].length / 2;
        int w = in[0][0].length / 2;
        int[][][] out = new int[in.length][h][w];
        for (int c = 0; c < in.length; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[c][y][x] = Math.max(Math.max(in[c][2 * y][2 * x], in[c][2 * y][2 * x + 1]),
                            Math.max(in[c][2 * y + 1][2 * x], in[c][2 * y + 1][2 * x + 1]));
                }
            }
        }
        return out;
    }

    /** {@code clamp(round_half_even(float(acc) * M + Z_out))} with {@code M = S_in * S_w[oc] / S_out} in float32. */
    private static int requantize(QuantizedLayer layer, long acc, int oc) {
        assertEquals((int) acc, acc, "the accumulator fits int32");
        float m = ((float) layer.input().scale() * layer.weights().scales()[oc]) / (float) layer.output().scale();
        float v = (float) acc * m + (float) layer.output().zeroPoint();
        return (int) Math.max(-128, Math.min(127, Math.rint(v)));
    }
}
