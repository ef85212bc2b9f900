package dev.quantlab.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WorkedExampleTest {

    @Test
    void everyStepAddsUpToTheKernelsOutput() {
        Random rnd = new Random(31);
        for (int trial = 0; trial < 20; trial++) {
            RequantMode mode = RequantMode.values()[trial % 2];
            ConvGeometry g = new ConvGeometry(1 + rnd.nextInt(6), 1 + rnd.nextInt(9), 3, 1 + rnd.nextInt(2), 1);
            int zIn = rnd.nextInt(256) - 128;
            QuantizedConv2d conv = RandomModels.conv(rnd, g, 8, 8, zIn, -128, mode);
            Int8Activations x = new Int8Activations(RandomModels.bytes(rnd, 2 * 5 * 5 * g.inChannels(),
                    QuantRange.ofBits(8)), 2, 5, 5, g.inChannels());
            Int8Activations y = conv.forward(x, KernelRunner.sequential());
            for (int n = 0; n < 2; n++) {
                for (int oy = 0; oy < y.height(); oy++) {
                    for (int ox = 0; ox < y.width(); ox++) {
                        int oc = rnd.nextInt(g.outChannels());
                        ConvWorkedExample e = ConvWorkedExample.of(conv, x, n, oc, oy, ox);
                        check(e, conv, x, y);
                    }
                }
            }
        }
    }

    private static void check(ConvWorkedExample e, QuantizedConv2d conv, Int8Activations x, Int8Activations y) {
        ConvGeometry g = conv.geometry();
        assertEquals(y.get(e.image(), e.y(), e.x(), e.outChannel()), e.output());
        long products = 0;
        int weightSum = 0;
        for (int i = 0; i < e.inputWindow().length; i++) {
            products += (long) e.inputWindow()[i] * e.weightWindow()[i];
            weightSum += e.weightWindow()[i];
            int ic = i / 9;
            int ky = i / 3 % 3;
            int kx = i % 3;
            int iy = e.y() * g.stride() - 1 + ky;
            int ix = e.x() * g.stride() - 1 + kx;
            boolean pad = iy < 0 || iy >= x.height() || ix < 0 || ix >= x.width();
            assertEquals(pad, e.padding()[i]);
            assertEquals(pad ? conv.input().zeroPoint() : x.get(e.image(), iy, ix, ic), e.inputWindow()[i]);
        }
        assertEquals(products, e.productSum());
        assertEquals(weightSum, e.weightSum());
        assertEquals(conv.input().zeroPoint() * weightSum, e.zeroPointTerm());
        assertEquals(conv.quantizedBias()[e.outChannel()], e.quantizedBias());
        assertEquals(conv.shiftedBias()[e.outChannel()], e.shiftedBias());
        assertEquals(e.quantizedBias() - e.zeroPointTerm(), e.shiftedBias());
        assertEquals(e.productSum() + e.shiftedBias(), e.accumulator());
        assertEquals(conv.requantizer().floatMultiplier(e.outChannel()), e.floatMultiplier());
        assertEquals(e.exactMultiplier(), e.fixedMultiplier().toDouble(), e.exactMultiplier() * 1e-9);
        assertEquals(e.accumulator() * e.floatMultiplier(), (float) e.floatPath().scaled());
        assertEquals(e.floatPath().scaled() + e.outputZeroPoint(), e.floatPath().withZeroPoint(), 1e-3);
        assertEquals(Math.max(-128, Math.min(127, e.floatPath().rounded())), e.floatPath().clamped());
        assertEquals(e.fixedPath().scaled() + e.outputZeroPoint(), e.fixedPath().withZeroPoint());
        assertTrue(Math.abs(e.floatPath().rounded() - e.fixedPath().rounded()) <= 1);
        RequantSteps active = e.mode() == RequantMode.FLOAT_MULTIPLIER ? e.floatPath() : e.fixedPath();
        assertEquals(active.clamped(), e.output());
    }

    @Test
    void rejectsElementsOutsideTheOutput() {
        Random rnd = new Random(1);
        QuantizedConv2d conv = RandomModels.conv(rnd, ConvGeometry.vgg(2, 3), 8, 8, 0, 0, RequantMode.FIXED_POINT);
        Int8Activations x = Int8Activations.zeros(1, 4, 4, 2);
        assertThrows(IndexOutOfBoundsException.class, () -> ConvWorkedExample.of(conv, x, 0, 3, 0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> ConvWorkedExample.of(conv, x, 0, 0, 4, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> ConvWorkedExample.of(conv, x, 1, 0, 0, 0));
    }
}
