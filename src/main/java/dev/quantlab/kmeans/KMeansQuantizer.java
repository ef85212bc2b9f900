package dev.quantlab.kmeans;

import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.CancelledException;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggArchitecture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * k-means (weight-sharing) quantization of the lesson's VGG: every weight matrix (8 conv weights and
 * the classifier weight) gets its own codebook from {@link KMeans1D}, and a copy of the state dict has
 * its weights replaced by their centroids. Biases and BatchNorm tensors stay fp32. The input state dict
 * is never modified.
 *
 * <p>Layers run in parallel on a private fork-join pool (largest first); each layer's seed is derived
 * from the caller's seed and the layer's position, so results do not depend on scheduling.
 */
public final class KMeansQuantizer {
    private final VggArchitecture arch = VggArchitecture.cifarVgg();
    private final int parallelism;
    private final int maxIterations;

    /** Uses every available core and {@link KMeans1D#DEFAULT_MAX_ITERATIONS}. */
    public KMeansQuantizer() {
        this(Runtime.getRuntime().availableProcessors(), KMeans1D.DEFAULT_MAX_ITERATIONS);
    }

    /**
     * @param parallelism   worker threads (layers quantized at once), at least 1
     * @param maxIterations cap on Lloyd iterations per layer, at least 1
     */
    public KMeansQuantizer(int parallelism, int maxIterations) {
        if (parallelism < 1 || maxIterations < 1) {
            throw new IllegalArgumentException("parallelism and maxIterations must be at least 1, got "
                    + parallelism + " and " + maxIterations);
        }
        this.parallelism = parallelism;
        this.maxIterations = maxIterations;
    }

    /** Worker threads this quantizer uses. */
    public int parallelism() {
        return parallelism;
    }

    /**
     * Quantizes every weight matrix of {@code fp32} with the bit-widths of {@code plan}.
     *
     * @param progress called from worker threads (one call at a time) after each layer: layers done,
     *                 layers in all, a one-line summary
     * @param cancel   checked before each layer
     * @throws UserFacingException      if {@code fp32} lacks a weight matrix or has one of the wrong size
     * @throws IllegalArgumentException if {@code plan} names a tensor that is not a weight matrix
     * @throws CancelledException       if {@code cancel} was set
     */
    public QuantizedModel quantize(StateDict fp32, BitWidthPlan plan, Init init, long seed, ProgressListener progress,
                                   CancellationToken cancel) {
        long start = System.nanoTime();
        plan.checkAgainst(arch);
        List<VggArchitecture.TensorSpec> specs = arch.weightMatrices();
        specs.forEach(spec -> checkTensor(fp32, spec));
        cancel.throwIfCancelled();
        StateDict copy = fp32.copy();

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> specs.get(i).numel()).reversed());

        LayerQuantization[] done = new LayerQuantization[specs.size()];
        AtomicInteger finished = new AtomicInteger();
        Object progressLock = new Object();
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int index : order) {
                futures.add(pool.submit(() -> {
                    cancel.throwIfCancelled();
                    VggArchitecture.TensorSpec spec = specs.get(index);
                    LayerQuantization layer = quantizeLayer(copy.get(spec.name()), spec, plan.bitsFor(spec), init,
                            layerSeed(seed, index));
                    done[index] = layer;
                    synchronized (progressLock) {
                        progress.onProgress(finished.incrementAndGet(), specs.size(), summary(layer));
                    }
                }));
            }
            for (Future<?> f : futures) {
                await(f);
            }
        } finally {
            pool.shutdownNow();
        }
        return new QuantizedModel(copy, Arrays.asList(done), plan, init, seed, System.nanoTime() - start);
    }

    /** Clusters the values of {@code tensor} (a copy owned by the result) and overwrites them with centroids. */
    private LayerQuantization quantizeLayer(TensorData tensor, VggArchitecture.TensorSpec spec, int bits, Init init,
                                            long seed) {
        long t0 = System.nanoTime();
        float[] values = tensor.values();
        KMeansResult r;
        try {
            r = KMeans1D.cluster(values, bits, init, seed, maxIterations);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("cannot quantize " + spec.name() + ": " + e.getMessage(), e);
        }
        r.quantizedInto(values);
        Codebook book = Codebook.of(spec.name(), spec.shape(), bits, r);
        return new LayerQuantization(book, r.mse(), r.iterations(), r.converged(), System.nanoTime() - t0);
    }

    private static void checkTensor(StateDict sd, VggArchitecture.TensorSpec spec) {
        if (!sd.contains(spec.name())) {
            throw new UserFacingException("the model has no tensor " + spec.name()
                    + "; is it a state dict of the lesson's VGG?");
        }
        TensorData t = sd.get(spec.name());
        if (t.isInteger() || t.values().length != spec.numel()) {
            throw new UserFacingException("tensor " + spec.name() + " has shape " + t.shapeString() + " and type "
                    + t.dtype() + ", expected " + Arrays.toString(spec.shape()) + " floating point");
        }
    }

    /** A per-layer seed that depends only on the caller's seed and the layer's position. */
    public static long layerSeed(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String summary(LayerQuantization l) {
        return String.format(Locale.ROOT, "%s: %d-bit, %d centroids, mse=%.3g, %d iterations%s, %.0f ms",
                l.layer(), l.codebook().bits(), l.codebook().centroids().length, l.mse(), l.iterations(),
                l.converged() ? "" : " (cap reached)", l.nanos() / 1e6);
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
