package dev.quantlab.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.model.VggArchitecture;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BitWidthPlanTest {
    private static final VggArchitecture ARCH = VggArchitecture.cifarVgg();

    @Test
    void plansGiveEachLayerItsBits() {
        BitWidthPlan dc = BitWidthPlan.deepCompression();
        assertEquals(8, dc.bitsFor(ARCH.spec("backbone.conv3.weight")));
        assertEquals(5, dc.bitsFor(ARCH.spec("classifier.weight")));
        assertFalse(dc.isUniform(ARCH));
        assertEquals("conv 8-bit / FC 5-bit", dc.describe());
        BitWidthPlan u = BitWidthPlan.uniform(4).with("backbone.conv0.weight", 8);
        assertEquals(8, u.bitsFor(ARCH.spec("backbone.conv0.weight")));
        assertEquals(4, u.bitsFor(ARCH.spec("backbone.conv1.weight")));
        assertEquals(8, u.maxBits(ARCH));
        assertTrue(BitWidthPlan.uniform(2).isUniform(ARCH));
        assertThrows(IllegalArgumentException.class, () -> u.bitsFor(ARCH.spec("classifier.bias")));
        assertEquals("mixed conv0=8, others 4-bit", u.describe());
    }

    @Test
    void aPlanThatSetsEveryLayerIsNamedByItsWidthsAlone() {
        BitWidthPlan mixed = BitWidthPlan.uniform(5);
        int[] bits = {5, 2, 4, 4, 2, 1, 2, 2, 5};
        for (int i = 0; i < bits.length; i++) {
            mixed = mixed.with(ARCH.weightMatrices().get(i).name(), bits[i]);
        }
        assertEquals("mixed conv0=5 conv1=2 conv2=4 conv3=4 conv4=2 conv5=1 conv6=2 conv7=2 fc=5", mixed.describe());
        assertFalse(mixed.isUniform(ARCH));
    }

    @Test
    void rejectsInvalidBitWidthsWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BitWidthPlan.uniform(9));
        assertEquals("bit-width must be between 1 and 8, got 9", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BitWidthPlan.uniform(0));
        assertThrows(IllegalArgumentException.class, () -> BitWidthPlan.of(8, -1));
        assertThrows(IllegalArgumentException.class, () -> new BitWidthPlan(8, 5, Map.of("classifier.weight", 0)));
        assertThrows(IllegalArgumentException.class, () -> BitWidth.centroidCount(-1));
        assertEquals(256, BitWidth.centroidCount(8));
    }
}
