package dev.quantlab.kmeans;

import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggArchitecture;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * {@code quantlab bench kmeans}: times k-means quantization of every weight matrix at 8, 4 and 2 bits
 * with the sorted 1-D method ({@link KMeans1D}, layers in parallel), against textbook dense Lloyd
 * iterations ({@code n x k} distances each, same k-means++ start, same thread count).
 *
 * <p>The dense baseline is not run to the end: {@code denseIterations} iterations are timed on the
 * largest layer and extrapolated to the whole model, per layer, as
 * {@code iterations of the 1-D run x layer size / largest layer size x time per dense iteration}.
 * The dense estimate leaves out initialisation and labelling, which the 1-D time includes, so the ratio
 * understates the speed-up. It then compares, on the largest layer, Lloyd's MSE from each
 * initialisation with the optimal dynamic program's.
 */
public final class KMeansBenchmark {
    /**
     * One bit-width's timings.
     *
     * @param bits            bits per weight
     * @param fastNanos       wall time of the 1-D method for the whole model
     * @param totalIterations Lloyd iterations summed over layers
     * @param denseNanos      extrapolated wall time of dense Lloyd with the same iteration counts
     */
    public record Row(int bits, long fastNanos, long totalIterations, double denseNanos) {
        /** How many times faster the 1-D method is. */
        public double speedUp() {
            return denseNanos / fastNanos;
        }
    }

    private static final int[] BITS = {8, 4, 2};

    private final int parallelism;
    private final int denseIterations;
    private final long seed;

    /** All cores, 3 dense iterations, seed 0. */
    public KMeansBenchmark() {
        this(Runtime.getRuntime().availableProcessors(), 3, 0);
    }

    /**
     * @param parallelism     worker threads for both methods
     * @param denseIterations dense iterations timed on the largest layer (at least 1)
     * @param seed            seed of the k-means++ starts
     */
    public KMeansBenchmark(int parallelism, int denseIterations, long seed) {
        if (parallelism < 1 || denseIterations < 1) {
            throw new IllegalArgumentException("parallelism and denseIterations must be at least 1");
        }
        this.parallelism = parallelism;
        this.denseIterations = denseIterations;
        this.seed = seed;
    }

    /** Runs the benchmark on {@code model} (not modified), printing to {@code out}; returns one row per bit-width. */
    public List<Row> run(StateDict model, PrintStream out) {
        VggArchitecture arch = VggArchitecture.cifarVgg();
        List<VggArchitecture.TensorSpec> specs = arch.weightMatrices();
        int largest = 0;
        long weights = 0;
        for (int i = 0; i < specs.size(); i++) {
            weights += specs.get(i).numel();
            if (specs.get(i).numel() > specs.get(largest).numel()) {
                largest = i;
            }
        }
        VggArchitecture.TensorSpec big = specs.get(largest);
        float[] bigValues = model.get(big.name()).values();
        KMeansQuantizer quantizer = new KMeansQuantizer(parallelism, KMeans1D.DEFAULT_MAX_ITERATIONS);
        out.printf(Locale.ROOT, "k-means benchmark: %d weight matrices, %,d weights, %d worker threads, %d cores%n",
                specs.size(), weights, parallelism, Runtime.getRuntime().availableProcessors());

        long t = System.nanoTime();
        quantizer.quantize(model, BitWidthPlan.uniform(2), Init.KMEANS_PLUS_PLUS, seed, ProgressListener.NONE,
                CancellationToken.none());
        out.printf(Locale.ROOT, "warm-up (JIT) 2-bit run: %.2f s%n", (System.nanoTime() - t) / 1e9);
        out.printf(Locale.ROOT, "%-5s %12s %11s %22s %9s%n", "bits", "1-D sorted", "iterations", "dense n*k (estimated)",
                "speed-up");

        List<Row> rows = new ArrayList<>();
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            for (int bits : BITS) {
                QuantizedModel q = quantizer.quantize(model, BitWidthPlan.uniform(bits), Init.KMEANS_PLUS_PLUS, seed,
                        ProgressListener.NONE, CancellationToken.none());
                double perIteration = denseIterationNanos(bigValues, bits, KMeansQuantizer.layerSeed(seed, largest), pool);
                double dense = 0;
                for (LayerQuantization l : q.layers()) {
                    dense += l.iterations() * perIteration * l.codebook().size() / big.numel();
                }
                Row row = new Row(bits, q.wallNanos(), q.totalIterations(), dense);
                rows.add(row);
                out.printf(Locale.ROOT, "%-5d %10.3f s %11d %20.1f s %8.0fx%n", bits, row.fastNanos() / 1e9,
                        row.totalIterations(), row.denseNanos() / 1e9, row.speedUp());
                out.printf(Locale.ROOT, "      dense: %d iterations timed on %s (%,d weights, k=%d): %.3f s each%n",
                        denseIterations, big.name(), big.numel(), 1 << bits, perIteration / 1e9);
            }
        } finally {
            pool.shutdownNow();
        }
        out.println("dense time = timed iterations extrapolated to every layer's 1-D iteration count;"
                + " it leaves out init and labelling, which the 1-D time includes");
        compareWithOptimum(bigValues, big.name(), out);
        return rows;
    }

    private double denseIterationNanos(float[] values, int bits, long layerSeed, ForkJoinPool pool) {
        SortedValues sv = SortedValues.of(values);
        int m = Math.min(1 << bits, sv.distinct());
        double[] start = Seeding.initialCentroids(sv, m, Init.KMEANS_PLUS_PLUS, new SplittableRandom(layerSeed));
        DenseLloyd.iterate(Arrays.copyOf(values, Math.min(values.length, 1 << 16)), start, 2, pool);
        long t0 = System.nanoTime();
        DenseLloyd.iterate(values, start, denseIterations, pool);
        return (double) (System.nanoTime() - t0) / denseIterations;
    }

    private void compareWithOptimum(float[] values, String layer, PrintStream out) {
        out.printf(Locale.ROOT, "MSE on %s: Lloyd from each init vs the optimal DP%n", layer);
        for (int bits : BITS) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %d-bit:", bits));
            for (Init init : Init.values()) {
                KMeansResult r = KMeans1D.cluster(values, bits, init, seed);
                line.append(String.format(Locale.ROOT, " %s %.4e (%d it)", init.name().toLowerCase(Locale.ROOT),
                        r.mse(), r.iterations()));
            }
            long t0 = System.nanoTime();
            OptimalClustering opt = OptimalKMeans1D.solve(values, bits);
            line.append(String.format(Locale.ROOT, " | optimal DP %.4e (%s, %.2f s)", opt.result().mse(),
                    opt.exact() ? "exact" : "on " + opt.points() + " groups", (System.nanoTime() - t0) / 1e9));
            out.println(line);
        }
    }
}
