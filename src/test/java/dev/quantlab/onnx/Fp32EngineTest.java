package dev.quantlab.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.quantlab.data.CifarBinaryReader;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.model.ModelFiles;
import dev.quantlab.model.StateDict;
import dev.quantlab.testing.Cifar10;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The fast fp32 engine predicts the class libtorch (the network as trained, BatchNorm layers) predicts. */
@Tag(Cifar10.TAG)
class Fp32EngineTest {
    private static final int IMAGES = 300;

    @Test
    void onnxRuntimeFoldedGivesLibtorchsTop1OnEveryImage() {
        StateDict weights = ModelFiles.load(Path.of(ModelFiles.SHIPPED));
        CifarSplit test = CifarBinaryReader.readTest(Cifar10.root().resolve(CifarBinaryReader.FOLDER));
        int[] idx = test.balancedIndices(IMAGES);
        int[] reference = new int[IMAGES];
        int[] fast = new int[IMAGES];
        try (NDManager m = NDManager.newBaseManager()) {
            try (Fp32Engine.Open torch = Fp32Engine.LIBTORCH.open(m, weights, 100);
                 Fp32Engine.Open ort = Fp32Engine.ONNX_RUNTIME_FOLDED.open(m, weights, 100)) {
                for (int from = 0; from < IMAGES; from += 100) {
                    System.arraycopy(torch.predict(test, idx, from, 100), 0, reference, from, 100);
                    System.arraycopy(ort.predict(test, idx, from, 100), 0, fast, from, 100);
                }
            }
        }
        assertArrayEquals(reference, fast);
        int correct = 0;
        for (int i = 0; i < IMAGES; i++) {
            correct += reference[i] == test.label(idx[i]) ? 1 : 0;
        }
        assertTrue(correct > 0.85 * IMAGES, correct + " of " + IMAGES + " correct: a real model, not a constant");
    }
}
