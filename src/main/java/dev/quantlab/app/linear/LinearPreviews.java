package dev.quantlab.app.linear;

import dev.quantlab.app.charts.Histogram;
import dev.quantlab.app.services.Calibration;
import dev.quantlab.app.services.IntegerModels;
import dev.quantlab.linear.FoldedConv;
import dev.quantlab.linear.FoldedVgg;
import dev.quantlab.linear.IntegerVgg;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.linear.QuantizationError;
import dev.quantlab.linear.QuantizedWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Quantizes the nine weight tensors of a BN-folded VGG (8 convs + classifier) at a bit width, as the lesson
 * does (symmetric, per output channel), and summarises each for the Linear tab. Runs on a worker thread; the
 * fp32 histograms, which do not depend on the bit width, are computed once.
 */
public final class LinearPreviews {
    /** Bins of the fp32 histograms. */
    public static final int FP32_BINS = 120;
    /** Most bins of the {@code W / S} histograms (4 per integer at low bit widths). */
    static final int MAX_SCALED_BINS = 256;

    /**
     * What to compute: weights at {@code bits}; with a calibration, also the activation parameters of the integer
     * model with {@code activationBits}.
     */
    public record Key(int bits, int activationBits, Calibration calibration) { }

    /**
     * The nine tensors at one bit width, in model order, and the activations' parameters (empty before
     * calibration).
     */
    public record Preview(Key key, List<LayerQuantization> layers, List<ActivationParams> activations,
                          double millis) {
        public int bits() {
            return key.bits();
        }
    }

    private record Tensor(String name, String shape, float[] values, int outChannels) { }

    private final List<Tensor> tensors;
    private final Map<String, Histogram> fp32 = new ConcurrentHashMap<>();

    private final IntegerModels models;

    public LinearPreviews(FoldedVgg folded, IntegerModels models) {
        this.models = models;
        List<Tensor> t = new ArrayList<>();
        for (int i = 0; i < folded.convs().size(); i++) {
            FoldedConv c = folded.convs().get(i);
            t.add(new Tensor("conv" + i, c.outChannels() + "×" + c.inChannels() + "×" + c.kernelSize() + "×"
                    + c.kernelSize(), c.weight(), c.outChannels()));
        }
        t.add(new Tensor("classifier", folded.numClasses() + "×" + folded.features(), folded.classifierWeight(),
                folded.numClasses()));
        this.tensors = List.copyOf(t);
    }

    /** Short names of the tensors, in model order. */
    public List<String> layers() {
        return tensors.stream().map(Tensor::name).toList();
    }

    public Preview compute(Key key) {
        long t0 = System.nanoTime();
        List<LayerQuantization> out = new ArrayList<>();
        for (Tensor t : tensors) {
            out.add(layer(t, key.bits()));
        }
        List<ActivationParams> activations = List.of();
        if (key.calibration() != null) {
            IntegerVgg model = models.build(key.calibration(), config(key));
            activations = ActivationParams.of(model, key.calibration().ranges());
        }
        return new Preview(key, List.copyOf(out), activations, (System.nanoTime() - t0) / 1e6);
    }

    /** The lesson's integer model with the key's bit widths. */
    static IntegerVggConfig config(Key key) {
        return IntegerVggConfig.lesson().withWeightBits(key.bits()).withActivationBits(key.activationBits());
    }

    private LayerQuantization layer(Tensor t, int bits) {
        QuantizedWeights q = QuantizedWeights.symmetricPerChannel(t.values(), t.outChannels(), bits);
        int qmin = q.range().min();
        long[] counts = new long[q.range().max() - qmin + 1];
        for (byte v : q.values()) {
            counts[v - qmin]++;
        }
        int per = q.perChannel();
        float[] scaled = new float[t.values().length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = t.values()[i] / q.scales()[i / per];
        }
        int bins = Math.min(MAX_SCALED_BINS, 4 * counts.length);
        double min = Double.MAX_VALUE;
        double max = 0;
        double sum = 0;
        for (float s : q.scales()) {
            min = Math.min(min, s);
            max = Math.max(max, s);
            sum += s;
        }
        QuantizationError.GranularityComparison e = QuantizationError.compareGranularity(t.values(),
                t.outChannels(), bits);
        Histogram fp = fp32.computeIfAbsent(t.name(), n -> Histogram.of(t.values(), FP32_BINS));
        return new LayerQuantization(t.name(), t.shape(), bits, qmin, counts, Histogram.of(scaled, bins), fp, min,
                max, sum / q.scales().length, e.perChannelMse(), e.perTensorMse());
    }
}
