package dev.quantlab.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quantlab.linear.ConvGeometry;
import dev.quantlab.linear.Int8Activations;
import dev.quantlab.linear.QuantParams;
import dev.quantlab.linear.QuantRange;
import dev.quantlab.linear.QuantizedConv2d;
import dev.quantlab.linear.QuantizedWeights;
import dev.quantlab.linear.RequantMode;
import dev.quantlab.linear.WeightGranularity;
import org.junit.jupiter.api.Test;

/** Pair sums counted by hand on 1x1 convs. */
class Int16PairSaturationTest {
    private static QuantizedConv2d conv(int zIn, byte... w) {
        QuantizedWeights weights = new QuantizedWeights(w, new float[] {0.01f}, 1, QuantRange.ofBits(8),
                WeightGranularity.PER_CHANNEL);
        QuantParams in = new QuantParams(0.02, zIn, QuantRange.ofBits(8));
        QuantParams out = new QuantParams(0.1, -128, QuantRange.ofBits(8));
        return QuantizedConv2d.of(new ConvGeometry(w.length, 1, 1, 1, 0), weights, new int[1], in, out,
                RequantMode.FLOAT_MULTIPLIER);
    }

    private static Int8Activations pixel(byte... q) {
        return new Int8Activations(q, 1, 1, 1, q.length);
    }

    @Test
    void countsPairsWhoseInt16SumOverflows() {
        // u = 255, 255; 255*127 + 255*127 = 64770 > 32767
        assertEquals(new Int16PairSaturation.Count(1, 1), Int16PairSaturation.count(conv(0, (byte) 127, (byte) 127),
                pixel((byte) 127, (byte) 127)));
        // 255*127 - 255*127 = 0
        assertEquals(new Int16PairSaturation.Count(1, 0), Int16PairSaturation.count(conv(0, (byte) 127, (byte) -127),
                pixel((byte) 127, (byte) 127)));
        // 255*(-128) + 255*(-128) = -65280 < -32768; third element pairs with a zero: 129*64 = 8256
        assertEquals(new Int16PairSaturation.Count(2, 1), Int16PairSaturation.count(
                conv(0, (byte) -128, (byte) -128, (byte) 64), pixel((byte) 127, (byte) 127, (byte) 1)));
        // q = 0 is u = 128: 128*127 + 128*127 = 32512 fits
        assertEquals(new Int16PairSaturation.Count(1, 0), Int16PairSaturation.count(conv(0, (byte) 127, (byte) 127),
                pixel((byte) 0, (byte) 0)));
    }
}
