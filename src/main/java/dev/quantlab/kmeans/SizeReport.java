package dev.quantlab.kmeans;

import dev.quantlab.model.ModelSize;
import dev.quantlab.model.PackedTensor;
import dev.quantlab.model.VggArchitecture;
import java.util.List;

/**
 * Model size of a k-means quantized model, two ways.
 *
 * <p><b>Lesson rule</b>: every parameter (conv and FC weights, BN gamma/beta, classifier bias; BN
 * running statistics excluded) times the bit-width, codebooks ignored: 9,228,362 parameters give
 * 8.80 / 4.40 / 2.20 MiB at 8 / 4 / 2 bits. For a mixed plan each weight matrix counts at its own
 * bit-width and the other parameters at the plan's largest bit-width.
 *
 * <p><b>Honest size</b>: what a file would need, the packed indices ({@code ceil(n * bits / 8)} bytes per
 * layer) plus the codebooks ({@code k} float32 per layer) plus the parameters that stay fp32 (BN
 * gamma/beta and the classifier bias, 4 bytes each; running statistics excluded as above).
 *
 * @param parameterCount   learnable parameters of the model
 * @param lessonBytes      size by the lesson's rule (fractional for odd bit-widths)
 * @param indexBytes       packed indices of all weight matrices
 * @param codebookBytes    all codebooks at float32
 * @param unquantizedBytes parameters kept at fp32
 */
public record SizeReport(long parameterCount, double lessonBytes, long indexBytes, long codebookBytes,
                         long unquantizedBytes) {

    /** Sizes of a quantized model, using each layer's actual codebook length. */
    public static SizeReport of(QuantizedModel model) {
        VggArchitecture arch = VggArchitecture.cifarVgg();
        long index = 0;
        long books = 0;
        for (LayerQuantization l : model.layers()) {
            index += l.codebook().indexBytes();
            books += l.codebook().codebookBytes();
        }
        return new SizeReport(arch.parameterCount(), lessonBytes(arch, model.plan()), index, books,
                unquantizedBytes(arch));
    }

    /** Sizes a plan would give {@code arch}, assuming full codebooks of {@code 2^bits} centroids. */
    public static SizeReport estimate(VggArchitecture arch, BitWidthPlan plan) {
        long index = 0;
        long books = 0;
        for (VggArchitecture.TensorSpec spec : arch.weightMatrices()) {
            int bits = plan.bitsFor(spec);
            index += PackedLabels.packedBytes(spec.numel(), bits);
            books += 4L * (1 << bits);
        }
        return new SizeReport(arch.parameterCount(), lessonBytes(arch, plan), index, books, unquantizedBytes(arch));
    }

    /**
     * Sizes of the model a packed file holds: {@code plan}'s widths, and the indices and codebooks as stored (a
     * layer's codebook may hold fewer than {@code 2^bits} values).
     */
    public static SizeReport ofPacked(BitWidthPlan plan, List<PackedTensor> packed) {
        VggArchitecture arch = VggArchitecture.cifarVgg();
        long index = packed.stream().mapToLong(p -> p.packed().length).sum();
        long books = packed.stream().mapToLong(p -> 4L * p.centroids().length).sum();
        return new SizeReport(arch.parameterCount(), lessonBytes(arch, plan), index, books, unquantizedBytes(arch));
    }

    private static double lessonBytes(VggArchitecture arch, BitWidthPlan plan) {
        if (plan.isUniform(arch)) {
            return ModelSize.bytes(arch.parameterCount(), plan.maxBits(arch));
        }
        double bytes = 0;
        long matrixParams = 0;
        for (VggArchitecture.TensorSpec spec : arch.weightMatrices()) {
            bytes += ModelSize.bytes(spec.numel(), plan.bitsFor(spec));
            matrixParams += spec.numel();
        }
        return bytes + ModelSize.bytes(arch.parameterCount() - matrixParams, plan.maxBits(arch));
    }

    private static long unquantizedBytes(VggArchitecture arch) {
        return 4L * arch.tensors().stream()
                .filter(s -> s.kind().isParameter() && !s.kind().isWeightMatrix())
                .mapToLong(VggArchitecture.TensorSpec::numel).sum();
    }

    /** Size by the lesson's rule in MiB (format with {@link ModelSize#formatMib}). */
    public double lessonMib() {
        return lessonBytes / ModelSize.MIB;
    }

    /** Honest size in bytes: indices + codebooks + fp32 leftovers. */
    public long honestBytes() {
        return indexBytes + codebookBytes + unquantizedBytes;
    }

    /** Honest size in MiB. */
    public double honestMib() {
        return (double) honestBytes() / ModelSize.MIB;
    }

    /** Size of the fp32 model by the lesson's rule, in MiB (35.20 for the lesson's VGG). */
    public double fp32Mib() {
        return ModelSize.mib(parameterCount, 32);
    }
}
