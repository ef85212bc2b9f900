package dev.quantlab.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantizedWeightsTest {

    @Test
    void perChannelScalesAreRowAbsMaxOverQmax() {
        float[] w = {0.6f, -1.0f, 0.25f, 0.11f, 0.2f, -0.05f};
        QuantizedWeights q = QuantizedWeights.symmetricPerChannel(w, 2, 8);
        assertEquals((float) (1.0 / 127), q.scales()[0]);
        assertEquals((float) (0.2f / 127.0), q.scales()[1]);
        assertArrayEquals(new byte[] {76, -127, 32, 70, 127, -32}, q.values()); // 76.2, 31.75, 69.85, -31.75
        assertArrayEquals(new int[] {-19, 165}, q.rowSums());
        QuantizedWeights t = QuantizedWeights.symmetricPerTensor(w, 2, 8);
        assertEquals(t.scales()[0], t.scales()[1]);
        assertEquals((float) (1.0 / 127), t.scales()[1]);
        assertArrayEquals(new byte[] {76, -127, 32, 14, 25, -6}, t.values()); // 13.97, 25.4, -6.35
        assertEquals(WeightGranularity.PER_TENSOR, t.granularity());
    }

    @Test
    void allZeroChannelUsesTheMinimumScale() {
        QuantizedWeights q = QuantizedWeights.symmetricPerChannel(new float[] {0, 0, 0, 1, -1, 0.6f}, 2, 4);
        assertEquals((float) (5e-7 / 7), q.scales()[0]);
        assertArrayEquals(new byte[] {0, 0, 0, 7, -7, 4}, q.values()); // 4.2
    }

    @Test
    void perChannelBeatsPerTensorWhenChannelMagnitudesDiffer() {
        Random rnd = new Random(1);
        int oc = 16;
        int per = 64;
        float[] w = RandomModels.gaussian(rnd, oc * per, 1);
        for (int c = 0; c < oc; c++) {
            for (int i = 0; i < per; i++) {
                w[c * per + i] *= (float) Math.pow(10, -c / 5.0);
            }
        }
        for (int bits : new int[] {8, 4, 2}) {
            QuantizationError.GranularityComparison cmp = QuantizationError.compareGranularity(w, oc, bits);
            assertEquals(bits, cmp.bits());
            assertTrue(cmp.perTensorMse() > cmp.perChannelMse(), "bits " + bits + ": " + cmp);
            assertTrue(cmp.perTensorOverPerChannel() > 1);
        }
    }

    @Test
    void packedSizeCountsBits() {
        QuantizedWeights q = QuantizedWeights.symmetricPerChannel(new float[10], 2, 4);
        assertEquals(5, q.packedBytes());
        assertEquals(3, QuantizedWeights.symmetricPerChannel(new float[10], 2, 2).packedBytes());
    }

    @Test
    void reproducesQuantizedLinear2BitVector() throws Exception {
        JsonObject v = TestVectors.load("quantized_linear_2bit");
        int bits = v.get("bits").getAsInt();
        int batch = v.get("batch").getAsInt();
        int in = v.get("in_features").getAsInt();
        int out = v.get("out_features").getAsInt();
        float[] x = TestVectors.floats(v.get("input_4x8"));
        float[] w = TestVectors.floats(v.get("weight_8x8"));
        float[] b = TestVectors.floats(v.get("bias_8"));
        float[] y = new float[batch * out];
        for (int r = 0; r < batch; r++) {
            for (int o = 0; o < out; o++) {
                float s = 0;
                for (int i = 0; i < in; i++) {
                    s += x[r * in + i] * w[o * in + i];
                }
                y[r * out + o] = s + b[o];
            }
        }
        QuantParams inParams = QuantParams.asymmetric(MinMax.of(x), bits);
        QuantParams outParams = QuantParams.asymmetric(MinMax.of(y), bits);
        QuantizedWeights qw = QuantizedWeights.symmetricPerChannel(w, out, bits);
        int[] qBias = BiasQuantizer.quantize(b, qw.scales(), inParams.scale());
        assertArrayEquals(TestVectors.ints(v.get("expected_quantized_bias_int32")), qBias);
        assertArrayEquals(TestVectors.ints(v.get("expected_shifted_quantized_bias_int32")),
                BiasQuantizer.shift(qBias, qw, inParams.zeroPoint()));
        byte[] qx = LinearQuantizer.toBytes(
                LinearQuantizer.linearQuantize(x, inParams.scale(), inParams.zeroPoint(), bits));
        int[] expected = TestVectors.ints(v.get("expected_output_int8_4x8"));
        for (RequantMode mode : RequantMode.values()) {
            QuantizedLinear layer = QuantizedLinear.create(w, b, out, inParams, outParams, bits,
                    WeightGranularity.PER_CHANNEL, mode);
            assertArrayEquals(TestVectors.ints(v.get("expected_shifted_quantized_bias_int32")), layer.shiftedBias());
            assertArrayEquals(expected, toInts(layer.forward(qx, batch)), mode.toString());
            assertArrayEquals(expected, toInts(ReferenceKernels.linear(layer, qx, batch)), mode.toString());
        }
    }

    private static int[] toInts(byte[] b) {
        int[] v = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            v[i] = b[i];
        }
        return v;
    }
}
