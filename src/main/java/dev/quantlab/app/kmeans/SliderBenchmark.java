package dev.quantlab.app.kmeans;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.services.KMeansSettings;
import dev.quantlab.model.StateDict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What the slider costs on one layer, measured with the app's own parts (no JavaFX): per bit-width, the time to a
 * redraw when the width is clustered on demand ("cold": {@link LayerPreviews#compute}, as before background
 * clustering) and when the {@link PreviewScheduler} has clustered it in the background (a cache hit delivered on
 * the calling thread), plus the histogram's draw (datasets updated and the chart rendered to an image the size
 * of the tab's chart), which both pay.
 */
public final class SliderBenchmark {
    /** Chart size drawn per redraw: about the histogram's size in the tab at 1920x1080. */
    static final int DRAW_WIDTH = 1000;
    static final int DRAW_HEIGHT = 420;

    /**
     * One bit-width.
     *
     * @param bits         the width
     * @param coldMillis   clustering on demand (the first width of the layer includes its fp32 histogram)
     * @param cachedMillis request to delivery after background clustering
     * @param drawMillis   updating and rendering the histogram chart
     */
    public record Row(int bits, double coldMillis, double cachedMillis, double drawMillis) {
        public double coldRedrawMillis() {
            return coldMillis + drawMillis;
        }

        public double cachedRedrawMillis() {
            return cachedMillis + drawMillis;
        }
    }

    /**
     * @param layer            the weight matrix
     * @param weights          its number of weights
     * @param rows             widths 1..8 in slider order
     * @param backgroundMillis from showing the layer at {@code shownBits} until its seven other widths were clustered
     * @param shownBits        the width the layer was first shown at
     */
    public record Report(String layer, int weights, List<Row> rows, double backgroundMillis, int shownBits) { }

    private SliderBenchmark() { }

    /** Measures {@code layer} of {@code weights}, first shown at {@code shownBits}. */
    public static Report run(StateDict weights, String layer, int shownBits) throws InterruptedException {
        KMeansSettings settings = KMeansSettings.DEFAULT;
        int n = weights.get(layer).values().length;
        double[] cold = new double[LayerViewModel.MAX_BITS + 1];
        LayerPreviews onDemand = new LayerPreviews(weights, settings);
        List<LayerPreview> previews = new ArrayList<>();
        for (int b = LayerViewModel.MIN_BITS; b <= LayerViewModel.MAX_BITS; b++) {
            long t0 = System.nanoTime();
            previews.add(onDemand.compute(new LayerPreviews.Key(layer, b)));
            cold[b] = millis(t0);
        }

        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            LayerPreview[] delivered = new LayerPreview[1];
            CountDownLatch shown = new CountDownLatch(1);
            PreviewScheduler scheduler = new PreviewScheduler(new LayerPreviews(weights, settings)::compute, worker,
                    Runnable::run, new PreviewScheduler.Listener() {
                        @Override
                        public void loaded(LayerPreviews.Key key, LayerPreview value) {
                            delivered[0] = value;
                            shown.countDown();
                        }

                        @Override
                        public void failed(LayerPreviews.Key key, Throwable error) {
                            throw new IllegalStateException("clustering failed", error);
                        }
                    }, LayerViewModel.MIN_BITS, LayerViewModel.MAX_BITS);
            long t0 = System.nanoTime();
            scheduler.request(new LayerPreviews.Key(layer, shownBits));
            if (!shown.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the shown width never came");
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            while (!allCached(scheduler, layer)) { // a benchmark may poll: every millisecond is below its resolution
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("background clustering did not finish");
                }
                Thread.sleep(1);
            }
            double background = millis(t0);
            WeightHistogramChart chart = new WeightHistogramChart(Texts.of(Locale.ENGLISH));
            for (LayerPreview p : previews) { // warm-up: the first draws are mostly the JIT compiling Java2D
                chart.show(p);
                chart.chart().createBufferedImage(DRAW_WIDTH, DRAW_HEIGHT);
            }
            List<Row> rows = new ArrayList<>();
            for (int b = LayerViewModel.MIN_BITS; b <= LayerViewModel.MAX_BITS; b++) {
                LayerPreviews.Key key = new LayerPreviews.Key(layer, b);
                if (scheduler.cached(key).isEmpty()) {
                    throw new IllegalStateException(key + " was not clustered in the background");
                }
                long t1 = System.nanoTime();
                scheduler.request(key);
                double cached = millis(t1);
                if (delivered[0] == null || delivered[0].bits() != b) {
                    throw new IllegalStateException(key + " was not delivered at once");
                }
                long t2 = System.nanoTime();
                chart.show(delivered[0]);
                chart.chart().createBufferedImage(DRAW_WIDTH, DRAW_HEIGHT);
                rows.add(new Row(b, cold[b], cached, millis(t2)));
            }
            scheduler.close();
            return new Report(layer, n, rows, background, shownBits);
        } finally {
            worker.shutdownNow();
        }
    }

    private static boolean allCached(PreviewScheduler scheduler, String layer) {
        for (int b = LayerViewModel.MIN_BITS; b <= LayerViewModel.MAX_BITS; b++) {
            if (scheduler.cached(new LayerPreviews.Key(layer, b)).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static double millis(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }
}
