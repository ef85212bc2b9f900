package dev.quantlab.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.CancelledException;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggArchitecture;
import dev.quantlab.model.VggNet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Quantizes a synthetic full-size VGG (Kaiming-initialised, 9.2M weights) twice at 2 bits. */
class KMeansQuantizerTest {
    private static final VggArchitecture ARCH = VggArchitecture.cifarVgg();
    private static StateDict fp32;
    private static StateDict snapshot;
    private static QuantizedModel first;
    private static QuantizedModel second;
    private static List<Long> progressDone;

    @BeforeAll
    static void quantizeTwice() {
        fp32 = VggNet.initialWeights(7);
        snapshot = fp32.copy();
        progressDone = Collections.synchronizedList(new ArrayList<>());
        KMeansQuantizer quantizer = new KMeansQuantizer(2, KMeans1D.DEFAULT_MAX_ITERATIONS);
        first = quantizer.quantize(fp32, BitWidthPlan.uniform(2), Init.KMEANS_PLUS_PLUS, 11,
                (done, total, message) -> progressDone.add(done), CancellationToken.none());
        second = quantizer.quantize(fp32, BitWidthPlan.uniform(2), Init.KMEANS_PLUS_PLUS, 11, ProgressListener.NONE,
                CancellationToken.none());
    }

    @Test
    void neverMutatesItsInput() {
        for (Map.Entry<String, TensorData> e : snapshot.asMap().entrySet()) {
            assertArrayEquals(e.getValue().values(), fp32.get(e.getKey()).values(), e.getKey());
        }
    }

    @Test
    void sameSeedSameResult() {
        for (VggArchitecture.TensorSpec spec : ARCH.weightMatrices()) {
            assertEquals(first.codebook(spec.name()), second.codebook(spec.name()), spec.name());
            assertArrayEquals(first.stateDict().get(spec.name()).values(), second.stateDict().get(spec.name()).values());
        }
    }

    @Test
    void weightMatricesHoldTheirCodebookAndTheRestIsUnchanged() {
        assertEquals(9, first.layers().size());
        for (VggArchitecture.TensorSpec spec : ARCH.tensors()) {
            float[] q = first.stateDict().get(spec.name()).values();
            if (spec.kind().isWeightMatrix()) {
                Codebook book = first.codebook(spec.name());
                assertEquals(4, book.centroids().length, spec.name());
                assertEquals(4, KMeans1DTest.distinct(q), spec.name());
                assertArrayEquals(book.decode(), q, spec.name());
                assertTrue(first.layer(spec.name()).mse() > 0);
            } else {
                assertArrayEquals(fp32.get(spec.name()).values(), q, spec.name());
            }
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), progressDone);
    }

    @Test
    void honestSizeCountsPackedIndicesCodebooksAndFp32Leftovers() {
        SizeReport s = first.sizeReport();
        long weights = 9_217_728 + 5_120;
        assertEquals(weights * 2 / 8, s.indexBytes(), "2-bit indices, every layer a multiple of 4 weights");
        assertEquals(9 * 4 * 4, s.codebookBytes(), "9 codebooks of 4 float32");
        assertEquals((5_504 + 10) * 4, s.unquantizedBytes(), "BN gamma/beta and classifier bias at fp32");
        assertEquals(2_305_712 + 144 + 22_056, s.honestBytes());
        assertEquals("2.20 MiB", dev.quantlab.model.ModelSize.formatMib(s.lessonMib()));
        assertEquals(s, SizeReport.estimate(ARCH, BitWidthPlan.uniform(2)), "full codebooks: same as the estimate");
    }

    @Test
    void cancelledBeforeStartThrows() {
        CancellationToken cancel = CancellationToken.none();
        cancel.cancel();
        assertThrows(CancelledException.class, () -> new KMeansQuantizer().quantize(fp32, BitWidthPlan.uniform(2),
                Init.LINEAR, 0, ProgressListener.NONE, cancel));
    }

    @Test
    void rejectsStateDictsThatAreNotTheLessonsVgg() {
        StateDict partial = new StateDict();
        fp32.asMap().forEach((name, t) -> {
            if (!name.equals("classifier.weight")) {
                partial.put(name, t);
            }
        });
        UserFacingException e = assertThrows(UserFacingException.class, () -> new KMeansQuantizer().quantize(partial,
                BitWidthPlan.uniform(2), Init.LINEAR, 0, ProgressListener.NONE, CancellationToken.none()));
        assertTrue(e.getMessage().contains("classifier.weight"), e.getMessage());

        StateDict wrong = new StateDict();
        fp32.asMap().forEach(wrong::put);
        wrong.put("classifier.weight", TensorData.of(new float[10], 10, 1));
        assertThrows(UserFacingException.class, () -> new KMeansQuantizer().quantize(wrong, BitWidthPlan.uniform(2),
                Init.LINEAR, 0, ProgressListener.NONE, CancellationToken.none()));

        assertThrows(IllegalArgumentException.class, () -> new KMeansQuantizer().quantize(fp32,
                BitWidthPlan.uniform(2).with("backbone.bn0.weight", 4), Init.LINEAR, 0, ProgressListener.NONE,
                CancellationToken.none()));
    }

    @Test
    void quantizedModelIsACopy() {
        assertTrue(first.stateDict() != fp32);
        assertSame(first.plan(), first.plan());
        assertTrue(first.stateDict().get("backbone.bn0.weight").values() != fp32.get("backbone.bn0.weight").values());
    }
}
