package dev.quantlab.linear;

import dev.quantlab.model.VggArchitecture;
import java.util.ArrayList;
import java.util.List;

/**
 * The lesson's VGG run with integers only: uint8 images become int8 ({@code q = pixel - 128}, i.e.
 * {@code S = 1/255, Z = -128}), then for each stage a {@link QuantizedConv2d} (ReLU by the clamp at
 * {@code Z_out}) or an int8 max-pool, a 2x2 average pool to 1x1, flatten, and a {@link QuantizedLinear}.
 * Batches of images are spread over the runner's threads; a single image splits its pixels instead.
 */
public final class IntegerVgg {
    /** Images per forward batch on one thread (bounds the patch buffers). */
    private static final int BATCH = 8;
    /** Extra fraction bits of {@link IntegerVggConfig.LogitMode#INT32} logits. */
    private static final int LOGIT_EXTRA_BITS = 8;

    private final List<VggArchitecture.Stage> stages;
    private final List<QuantizedConv2d> convs;
    private final QuantizedLinear classifier;
    private final IntegerVggConfig config;
    private final KernelRunner runner;

    private IntegerVgg(List<VggArchitecture.Stage> stages, List<QuantizedConv2d> convs, QuantizedLinear classifier,
                       IntegerVggConfig config, KernelRunner runner) {
        this.stages = List.copyOf(stages);
        this.convs = List.copyOf(convs);
        this.classifier = classifier;
        this.config = config;
        this.runner = runner;
    }

    /**
     * Quantizes a folded model. {@code ranges} must hold {@code backbone.convN.output} for every conv,
     * {@code classifier.output}, and with {@link IntegerVggConfig.ScaleSource#LAYER_INPUT_RANGES} also
     * {@code backbone.convN.input} (N >= 1) and {@code classifier.input}. The first conv's input is always the
     * image's {@code S = 1/255, Z = -128}.
     */
    public static IntegerVgg build(FoldedVgg folded, ActivationRanges ranges, IntegerVggConfig config) {
        int bits = config.activationBits();
        boolean ownRanges = config.scaleSource() == IntegerVggConfig.ScaleSource.LAYER_INPUT_RANGES;
        List<QuantizedConv2d> convs = new ArrayList<>();
        QuantParams previous = QuantParams.imageInput();
        for (int i = 0; i < folded.convs().size(); i++) {
            String layer = ActivationRanges.convLayer(i);
            QuantParams in = i == 0 ? QuantParams.imageInput()
                    : ownRanges ? QuantParams.asymmetric(ranges.input(layer), bits) : previous;
            QuantParams out = QuantParams.asymmetric(ranges.output(layer), bits);
            convs.add(QuantizedConv2d.create(folded.convs().get(i), 1, 1, in, out, config.weightBits(),
                    config.granularity(), config.requantMode()));
            previous = out;
        }
        String fc = ActivationRanges.CLASSIFIER;
        QuantParams in = ownRanges ? QuantParams.asymmetric(ranges.input(fc), bits) : previous;
        QuantParams out = QuantParams.asymmetric(ranges.output(fc), bits);
        QuantizedLinear classifier = QuantizedLinear.create(folded.classifierWeight(), folded.classifierBias(),
                folded.numClasses(), in, out, config.weightBits(), config.granularity(), config.requantMode());
        return new IntegerVgg(folded.stages(), convs, classifier, config, KernelRunner.allCores());
    }

    /** The same model run by another runner (e.g. {@link KernelRunner#sequential()}). */
    public IntegerVgg withRunner(KernelRunner newRunner) {
        return new IntegerVgg(stages, convs, classifier, config, newRunner);
    }

    /** Predicted class of each of {@code n} uint8 CIFAR images ({@code n x 3072}, channel planes). */
    public int[] predict(byte[] uint8Images, int n) {
        int[][] logits = logits(uint8Images, n);
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            classes[i] = argmax(logits[i]);
        }
        return classes;
    }

    /** Integer logits per image, int8 or int32 as {@link IntegerVggConfig#logitMode()} says. */
    public int[][] logits(byte[] uint8Images, int n) {
        if (n < 0 || (long) n * Int8Activations.CIFAR_IMAGE_BYTES > uint8Images.length) {
            throw new IllegalArgumentException(n + " images need " + (long) n * Int8Activations.CIFAR_IMAGE_BYTES
                    + " bytes, got " + uint8Images.length);
        }
        int[][] result = new int[n][];
        if (n >= runner.threads() && runner.threads() > 1) {
            runner.forRanges(n, 1, (from, to) -> runImages(uint8Images, from, to, KernelRunner.sequential(), result));
        } else {
            runImages(uint8Images, 0, n, runner, result);
        }
        return result;
    }

    private void runImages(byte[] images, int from, int to, KernelRunner layerRunner, int[][] result) {
        for (int b = from; b < to; b += BATCH) {
            int count = Math.min(BATCH, to - b);
            Int8Activations x = runStages(Int8Activations.fromCifarImages(images, b, count), stages.size(),
                    layerRunner);
            x = Int8Pooling.avgPool2x2(x, config.avgPoolRounding());
            if (x.height() != 1 || x.width() != 1) {
                throw new IllegalStateException("average pool left " + x.height() + "x" + x.width()
                        + ", expected 1x1 (input must be 32x32)");
            }
            int[][] acc = classifier.accumulate(x.data(), count);
            Requantizer rq = classifier.requantizer();
            for (int i = 0; i < count; i++) {
                int[] logits = new int[acc[i].length];
                for (int o = 0; o < logits.length; o++) {
                    logits[o] = config.logitMode() == IntegerVggConfig.LogitMode.INT8 ? rq.requantize(acc[i][o], o)
                            : FixedPointMultiplier.saturate(rq.rescale(acc[i][o], o, LOGIT_EXTRA_BITS));
                }
                result[b + i] = logits;
            }
        }
    }

    private Int8Activations runStages(Int8Activations x, int stageCount, KernelRunner layerRunner) {
        int conv = 0;
        for (int s = 0; s < stageCount; s++) {
            if (stages.get(s).isPool()) {
                x = Int8Pooling.maxPool2x2(x);
            } else {
                x = convs.get(conv++).forward(x, layerRunner);
            }
        }
        return x;
    }

    /** The int8 input of conv {@code convIndex} for image {@code image} (e.g. for a {@link ConvWorkedExample}). */
    public Int8Activations convInput(byte[] uint8Images, int image, int convIndex) {
        if (convIndex < 0 || convIndex >= convs.size()) {
            throw new IndexOutOfBoundsException("conv " + convIndex + " of " + convs.size());
        }
        int stage = 0;
        for (int conv = 0; ; stage++) {
            if (!stages.get(stage).isPool() && conv++ == convIndex) {
                break;
            }
        }
        return runStages(Int8Activations.fromCifarImages(uint8Images, image, 1), stage, runner);
    }

    static int argmax(int[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Bytes of the integer weights (packed at their bit width) and int32 biases; scales are not counted. */
    public long sizeBytes() {
        long size = classifier.sizeBytes();
        for (QuantizedConv2d c : convs) {
            size += c.sizeBytes();
        }
        return size;
    }

    /** The layer config: conv stages (in {@link #convs} order) and max-pools. */
    public List<VggArchitecture.Stage> stages() {
        return stages;
    }

    public List<QuantizedConv2d> convs() {
        return convs;
    }

    public QuantizedLinear classifier() {
        return classifier;
    }

    public IntegerVggConfig config() {
        return config;
    }

    public KernelRunner runner() {
        return runner;
    }
}
