package dev.quantlab.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.model.VggArchitecture;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A small VGG-shaped model with random weights, calibrated by a float forward pass. */
class IntegerVggTest {
    private static final int CALIBRATION = 24;
    private static final int TEST = 40;

    private static FoldedVgg model;
    private static ActivationRanges ranges;
    private static byte[] images;
    private static float[] floatLogits;

    @BeforeAll
    static void calibrate() {
        Random rnd = new Random(123);
        model = RandomModels.foldedVgg(rnd, RandomModels.stages(8, 16, -1, 16, -1, 32, 32, -1, 32, -1), 10);
        images = smoothImages(rnd, CALIBRATION + TEST);
        RangeObserver observer = RangeObserver.minMax();
        FloatVgg.forward(model, images, CALIBRATION, observer);
        ranges = observer.ranges();
        byte[] test = java.util.Arrays.copyOfRange(images, CALIBRATION * 3072, images.length);
        floatLogits = FloatVgg.forward(model, test, TEST, RangeObserver.minMax());
        images = test;
    }

    /** Random low-frequency images, so the features carry some structure. */
    private static byte[] smoothImages(Random rnd, int n) {
        byte[] b = new byte[n * 3072];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                double fx = rnd.nextDouble() * 0.4;
                double fy = rnd.nextDouble() * 0.4;
                double ph = rnd.nextDouble() * 6;
                double amp = 60 + rnd.nextDouble() * 60;
                double mean = 80 + rnd.nextDouble() * 100;
                for (int p = 0; p < 1024; p++) {
                    double v = mean + amp * Math.sin(fx * (p % 32) + fy * (p / 32) + ph) + rnd.nextGaussian() * 10;
                    b[i * 3072 + c * 1024 + p] = (byte) Math.max(0, Math.min(255, (int) v));
                }
            }
        }
        return b;
    }

    @Test
    void int8LogitsTrackTheFloatModel() {
        IntegerVgg q = IntegerVgg.build(model, ranges, IntegerVggConfig.lesson());
        int[][] logits = q.logits(images, TEST);
        QuantParams out = q.classifier().output();
        double err = 0;
        double var = 0;
        for (int i = 0; i < TEST; i++) {
            for (int o = 0; o < 10; o++) {
                double f = floatLogits[i * 10 + o];
                err += Math.pow(out.dequantize(logits[i][o]) - f, 2);
                var += f * f;
            }
        }
        assertTrue(err / var < 0.05, "relative squared error " + err / var);
        int agree = 0;
        int[] predicted = q.predict(images, TEST);
        for (int i = 0; i < TEST; i++) {
            agree += predicted[i] == argmax(floatLogits, i) ? 1 : 0;
        }
        assertTrue(agree >= TEST * 0.75, agree + " of " + TEST + " agree with the float model");
    }

    @Test
    void everyConfigurationRunsAndMostlyAgrees() {
        int[] lesson = IntegerVgg.build(model, ranges, IntegerVggConfig.lesson()).predict(images, TEST);
        IntegerVggConfig[] configs = {
            IntegerVggConfig.lesson().withRequantMode(RequantMode.FIXED_POINT),
            IntegerVggConfig.lesson().withLogitMode(IntegerVggConfig.LogitMode.INT32),
            IntegerVggConfig.lesson().withScaleSource(IntegerVggConfig.ScaleSource.PREVIOUS_OUTPUT),
            IntegerVggConfig.lesson().withAvgPoolRounding(AvgPoolRounding.HALF_EVEN),
            IntegerVggConfig.lesson().withGranularity(WeightGranularity.PER_TENSOR),
        };
        for (IntegerVggConfig c : configs) {
            int[] p = IntegerVgg.build(model, ranges, c).predict(images, TEST);
            int same = 0;
            for (int i = 0; i < TEST; i++) {
                same += p[i] == lesson[i] ? 1 : 0;
            }
            assertTrue(same >= TEST * 0.8, c + ": " + same + " of " + TEST);
        }
        IntegerVgg low = IntegerVgg.build(model, ranges, IntegerVggConfig.lesson().withWeightBits(4)
                .withActivationBits(4));
        for (int[] l : low.logits(images, 3)) {
            for (int v : l) {
                assertTrue(v >= -8 && v <= 7, "4-bit logit " + v);
            }
        }
    }

    @Test
    void singleImagesGiveTheSameLogitsAsABatch() {
        IntegerVgg q = IntegerVgg.build(model, ranges, IntegerVggConfig.lesson().withRequantMode(RequantMode.FIXED_POINT));
        int[][] batch = q.withRunner(KernelRunner.parallel(2)).logits(images, 11);
        int[][] sequential = q.withRunner(KernelRunner.sequential()).logits(images, 11);
        for (int i = 0; i < 11; i++) {
            byte[] one = java.util.Arrays.copyOfRange(images, i * 3072, (i + 1) * 3072);
            assertArrayEquals(batch[i], q.logits(one, 1)[0]);
            assertArrayEquals(batch[i], sequential[i]);
        }
    }

    @Test
    void workedExampleMatchesTheModelsConv() {
        IntegerVgg q = IntegerVgg.build(model, ranges, IntegerVggConfig.lesson());
        Int8Activations in = q.convInput(images, 3, 2);
        QuantizedConv2d conv = q.convs().get(2);
        assertEquals(16, in.channels());
        assertEquals(16, in.height());
        Int8Activations out = conv.forward(in, KernelRunner.sequential());
        ConvWorkedExample e = ConvWorkedExample.of(conv, in, 0, 5, 0, 7);
        assertEquals(out.get(0, 0, 7, 5), e.output());
        assertEquals((images[0] & 0xFF) - 128, q.convInput(images, 0, 0).get(0, 0, 0, 0));
    }

    @Test
    void sizeCountsPackedWeightsAndInt32Biases() {
        IntegerVgg q = IntegerVgg.build(model, ranges, IntegerVggConfig.lesson().withWeightBits(4));
        long weights = 0;
        long biases = 10;
        int in = 3;
        for (FoldedConv c : model.convs()) {
            weights += c.weight().length;
            biases += c.outChannels();
            in = c.outChannels();
        }
        weights += 10L * in;
        assertEquals(weights / 2 + 4 * biases, q.sizeBytes());
    }

    @Test
    void theLessonsStructureWithRandomWeights() {
        Random rnd = new Random(3);
        FoldedVgg vgg = RandomModels.foldedVgg(rnd, VggArchitecture.cifarVgg().stages(), 10);
        Map<String, MinMax> r = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            r.put(ActivationRanges.inputPoint(ActivationRanges.convLayer(i)), new MinMax(0, 3));
            r.put(ActivationRanges.outputPoint(ActivationRanges.convLayer(i)), new MinMax(0, 3));
        }
        r.put("classifier.input", new MinMax(0, 2));
        r.put("classifier.output", new MinMax(-5, 5));
        IntegerVgg q = IntegerVgg.build(vgg, new ActivationRanges(r), IntegerVggConfig.lesson());
        // 9,222,848 int8 weights (convs + classifier) and 2,752 + 10 int32 biases
        assertEquals(9_222_848L + 4L * (2752 + 10), q.sizeBytes());
        int[] p = q.predict(RandomModels.images(rnd, 2), 2);
        assertEquals(2, p.length);
        assertTrue(p[0] >= 0 && p[0] < 10);
    }

    @Test
    void rejectsTooFewImageBytesAndMissingRanges() {
        IntegerVgg q = IntegerVgg.build(model, ranges, IntegerVggConfig.lesson());
        assertThrows(IllegalArgumentException.class, () -> q.predict(new byte[3071], 1));
        ActivationRanges partial = new ActivationRanges(Map.of("backbone.conv0.output", new MinMax(0, 1)));
        assertThrows(java.util.NoSuchElementException.class,
                () -> IntegerVgg.build(model, partial, IntegerVggConfig.lesson()));
    }

    private static int argmax(float[] logits, int image) {
        int best = 0;
        for (int o = 1; o < 10; o++) {
            if (logits[image * 10 + o] > logits[image * 10 + best]) {
                best = o;
            }
        }
        return best;
    }
}
