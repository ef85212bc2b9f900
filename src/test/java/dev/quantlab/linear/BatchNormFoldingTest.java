package dev.quantlab.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggArchitecture;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchNormFoldingTest {

    @Test
    void foldedConvEqualsBatchNormAfterConv() {
        Random rnd = new Random(7);
        int oc = 5;
        int ic = 3;
        int size = 6;
        float[] w = RandomModels.gaussian(rnd, oc * ic * 9, 0.5);
        BatchNormParams bn = new BatchNormParams(RandomModels.gaussian(rnd, oc, 1), RandomModels.gaussian(rnd, oc, 1),
                RandomModels.gaussian(rnd, oc, 1), positive(rnd, oc), 1e-5);
        float[] x = RandomModels.gaussian(rnd, ic * size * size, 1); // [ic][y][x]
        FoldedConv folded = BatchNormFolding.fold(w, oc, ic, 3, bn);
        float[] plain = FloatConv.conv(x, ic, size, w, new float[oc], oc);
        float[] fused = FloatConv.conv(x, ic, size, folded.weight(), folded.bias(), oc);
        for (int c = 0; c < oc; c++) {
            double scale = bn.gamma()[c] / Math.sqrt(bn.runningVar()[c] + bn.eps());
            for (int i = 0; i < size * size; i++) {
                double expected = (plain[c * size * size + i] - bn.runningMean()[c]) * scale + bn.beta()[c];
                assertEquals(expected, fused[c * size * size + i], 1e-4 * (1 + Math.abs(expected)));
            }
        }
    }

    @Test
    void foldsEveryConvOfTheLessonsVgg() {
        Random rnd = new Random(11);
        StateDict sd = new StateDict();
        for (VggArchitecture.TensorSpec spec : VggArchitecture.cifarVgg().tensors()) {
            int n = (int) spec.numel();
            float[] v = spec.kind() == VggArchitecture.Kind.BN_RUNNING_VAR ? positive(rnd, n)
                    : spec.kind().isWeightMatrix() ? new float[n] : RandomModels.gaussian(rnd, n, 1);
            sd.put(spec.name(), spec.kind() == VggArchitecture.Kind.BN_COUNT ? TensorData.scalarLong(1)
                    : TensorData.of(v, spec.shape()));
        }
        sd.get("backbone.conv3.weight").values()[7] = 2f; // oc 0 of conv3
        FoldedVgg f = FoldedVgg.fromStateDict(sd);
        assertEquals(8, f.convs().size());
        assertEquals(512, f.features());
        assertEquals(10, f.numClasses());
        float gamma = sd.get("backbone.bn3.weight").values()[0];
        float var = sd.get("backbone.bn3.running_var").values()[0];
        float mean = sd.get("backbone.bn3.running_mean").values()[0];
        float beta = sd.get("backbone.bn3.bias").values()[0];
        float factor = gamma / (float) Math.sqrt(var + 1e-5f);
        assertEquals(2f * factor, f.convs().get(3).weight()[7]);
        assertEquals(beta - mean * factor, f.convs().get(3).bias()[0]);
        assertEquals(256 * 128 * 9, f.convs().get(2).weight().length);
    }

    @Test
    void rejectsMismatchedShapes() {
        BatchNormParams bn = new BatchNormParams(new float[2], new float[2], new float[2], new float[] {1, 1}, 1e-5);
        assertThrows(IllegalArgumentException.class, () -> BatchNormFolding.fold(new float[27], 3, 1, 3, bn));
        assertThrows(IllegalArgumentException.class, () -> BatchNormFolding.fold(new float[17], 2, 1, 3, bn));
    }

    private static float[] positive(Random rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = 0.1f + rnd.nextFloat() * 2;
        }
        return v;
    }
}
