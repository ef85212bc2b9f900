package dev.quantlab.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast conv and linear kernels against {@link ReferenceKernels}, bit for bit. */
class ConvKernelTest {

    @Test
    void fastConvIsBitExactOnRandomLayers() {
        Random rnd = new Random(2024);
        int[] inChannels = {1, 2, 3, 5, 8, 16, 17};
        int[] outChannels = {1, 3, 4, 8, 13, 32, 33};
        for (int trial = 0; trial < 120; trial++) {
            int k = 1 + rnd.nextInt(3);
            int stride = 1 + rnd.nextInt(2);
            int padding = rnd.nextInt(2);
            int h = k + rnd.nextInt(10);
            int w = k + rnd.nextInt(10);
            int batch = 1 + rnd.nextInt(3);
            int weightBits = 2 + rnd.nextInt(7);
            int activationBits = 2 + rnd.nextInt(7);
            QuantRange inRange = QuantRange.ofBits(8);
            QuantRange outRange = QuantRange.ofBits(activationBits);
            int zIn = inRange.min() + rnd.nextInt(256);
            int zOut = rnd.nextBoolean() ? outRange.min() : outRange.min() + rnd.nextInt((int) outRange.span() + 1);
            RequantMode mode = RequantMode.values()[rnd.nextInt(2)];
            ConvGeometry g = new ConvGeometry(inChannels[rnd.nextInt(inChannels.length)],
                    outChannels[rnd.nextInt(outChannels.length)], k, stride, padding);
            QuantizedConv2d conv = RandomModels.conv(rnd, g, weightBits, activationBits, zIn, zOut, mode);
            Int8Activations x = new Int8Activations(RandomModels.bytes(rnd, batch * h * w * g.inChannels(), inRange),
                    batch, h, w, g.inChannels());
            Int8Activations expected = ReferenceKernels.conv(conv, x);
            String what = g + " " + h + "x" + w + " batch " + batch + " bits " + weightBits + "/" + activationBits
                    + " Z " + zIn + "/" + zOut + " " + mode;
            for (KernelRunner runner : new KernelRunner[] {KernelRunner.sequential(), KernelRunner.parallel(3)}) {
                Int8Activations actual = conv.forward(x, runner);
                assertEquals(expected.height(), actual.height(), what);
                assertEquals(expected.width(), actual.width(), what);
                assertArrayEquals(expected.data(), actual.data(), what);
            }
        }
    }

    @Test
    void fastConvIsBitExactOnAVggSizedLayer() {
        Random rnd = new Random(5);
        ConvGeometry g = ConvGeometry.vgg(64, 96);
        for (RequantMode mode : RequantMode.values()) {
            QuantizedConv2d conv = RandomModels.conv(rnd, g, 8, 8, -128, -128, mode);
            Int8Activations x = new Int8Activations(RandomModels.bytes(rnd, 2 * 12 * 12 * 64, QuantRange.ofBits(8)),
                    2, 12, 12, 64);
            assertArrayEquals(ReferenceKernels.conv(conv, x).data(), conv.forward(x, KernelRunner.parallel(2)).data());
        }
    }

    @Test
    void fastLinearIsBitExact() {
        Random rnd = new Random(77);
        for (int trial = 0; trial < 30; trial++) {
            int in = 1 + rnd.nextInt(70);
            int out = 1 + rnd.nextInt(20);
            int rows = 1 + rnd.nextInt(5);
            int bits = 2 + rnd.nextInt(7);
            float[] w = RandomModels.gaussian(rnd, in * out, 0.3);
            float[] b = RandomModels.gaussian(rnd, out, 0.3);
            QuantParams inParams = QuantParams.asymmetric(-1 - rnd.nextDouble(), 2 * rnd.nextDouble(), bits);
            QuantParams outParams = QuantParams.asymmetric(-3, 3 * rnd.nextDouble() + 0.1, bits);
            for (RequantMode mode : RequantMode.values()) {
                for (WeightGranularity gr : WeightGranularity.values()) {
                    QuantizedLinear layer = QuantizedLinear.create(w, b, out, inParams, outParams, bits, gr, mode);
                    byte[] x = RandomModels.bytes(rnd, rows * in, QuantRange.ofBits(bits));
                    assertArrayEquals(ReferenceKernels.linear(layer, x, rows), layer.forward(x, rows));
                }
            }
        }
    }

    @Test
    void paddingUsesTheInputZeroPoint() {
        // 1x1 input, 3x3 kernel of ones, padding 1: eight of the nine taps read Z_in.
        QuantizedWeights w = new QuantizedWeights(new byte[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, new float[] {1f}, 1,
                QuantRange.ofBits(8), WeightGranularity.PER_CHANNEL);
        QuantParams in = new QuantParams(1, 5, QuantRange.ofBits(8));
        QuantParams out = new QuantParams(1, 0, QuantRange.ofBits(8));
        QuantizedConv2d conv = QuantizedConv2d.of(new ConvGeometry(1, 1, 3, 1, 1), w, new int[] {0}, in, out,
                RequantMode.FIXED_POINT);
        Int8Activations x = new Int8Activations(new byte[] {9}, 1, 1, 1, 1);
        // real value: (9 - 5) * 1 = 4; padding taps contribute (5 - 5) = 0
        assertEquals(4, conv.forward(x, KernelRunner.sequential()).data()[0]);
        assertEquals(4, ReferenceKernels.conv(conv, x).data()[0]);
    }

    @Test
    void rejectsAnInputWithTheWrongChannelCount() {
        Random rnd = new Random(1);
        QuantizedConv2d conv = RandomModels.conv(rnd, ConvGeometry.vgg(3, 4), 8, 8, 0, 0, RequantMode.FIXED_POINT);
        assertThrows(IllegalArgumentException.class,
                () -> conv.forward(Int8Activations.zeros(1, 4, 4, 2), KernelRunner.sequential()));
    }

    @Test
    void cifarImagesMapToPixelMinus128() {
        byte[] img = new byte[2 * Int8Activations.CIFAR_IMAGE_BYTES];
        img[Int8Activations.CIFAR_IMAGE_BYTES + 5] = (byte) 255;        // image 1, R, (0,5)
        img[Int8Activations.CIFAR_IMAGE_BYTES + 2048 + 33] = (byte) 200; // image 1, B, (1,1)
        Int8Activations a = Int8Activations.fromCifarImages(img, 1, 1);
        assertEquals(127, a.get(0, 0, 5, 0));
        assertEquals(72, a.get(0, 1, 1, 2));
        assertEquals(-128, a.get(0, 1, 1, 1));
    }
}
