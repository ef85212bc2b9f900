package dev.quantlab.app.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.charts.Histogram;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The slider's scheduling, stepped by hand: the worker is a queue the test runs one task at a time, so the order of
 * computations is observed exactly (no timing involved).
 */
class PreviewSchedulerTest {
    private static final String A = "backbone.conv6.weight";
    private static final String B = "backbone.conv7.weight";

    /** A worker whose tasks run only when the test says so. */
    private static final class SteppedWorker implements java.util.concurrent.Executor {
        final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            tasks.add(r);
        }

        boolean step() {
            Runnable r = tasks.poll();
            if (r != null) {
                r.run();
            }
            return r != null;
        }

        void runAll() {
            while (step()) {
                // each step schedules the next
            }
        }
    }

    private final SteppedWorker worker = new SteppedWorker();
    private final List<LayerPreviews.Key> computed = new ArrayList<>();
    private final List<LayerPreviews.Key> delivered = new ArrayList<>();
    private final PreviewScheduler scheduler = new PreviewScheduler(this::fake, worker, Runnable::run,
            new PreviewScheduler.Listener() {
                @Override
                public void loaded(LayerPreviews.Key key, LayerPreview value) {
                    assertEquals(key, new LayerPreviews.Key(value.layer(), value.bits()));
                    delivered.add(key);
                }

                @Override
                public void failed(LayerPreviews.Key key, Throwable error) {
                    throw new AssertionError(error);
                }
            }, 1, 8);

    /** Runs inside a computation, as a request from the FX thread would arrive while the worker clusters. */
    private java.util.function.Consumer<LayerPreviews.Key> duringCompute = k -> { };

    private LayerPreview fake(LayerPreviews.Key key) {
        computed.add(key);
        duringCompute.accept(key);
        return new LayerPreview(key.layer(), key.bits(), 1, Histogram.of(new float[] {0f}, 1), new float[] {0f},
                new long[] {1}, 0, 0);
    }

    private static LayerPreviews.Key key(String layer, int bits) {
        return new LayerPreviews.Key(layer, bits);
    }

    private static List<LayerPreviews.Key> keys(String layer, int... bits) {
        List<LayerPreviews.Key> out = new ArrayList<>();
        for (int b : bits) {
            out.add(key(layer, b));
        }
        return out;
    }

    @Test
    void aShownLayerGetsItsOtherWidthsClusteredNearestFirstWithoutDeliveringThem() {
        scheduler.request(key(A, 4));
        worker.runAll();
        assertEquals(keys(A, 4, 5, 3, 6, 2, 7, 1, 8), computed);
        assertEquals(List.of(key(A, 4)), delivered, "only the visible request is delivered");
        for (int b = 1; b <= 8; b++) {
            assertTrue(scheduler.cached(key(A, b)).isPresent(), "bits " + b);
        }
    }

    @Test
    void aDragAfterBackgroundClusteringIsDeliveredAtOnceWithoutTheWorker() {
        scheduler.request(key(A, 4));
        worker.runAll();
        computed.clear();
        delivered.clear();
        for (int b = 1; b <= 8; b++) {
            scheduler.request(key(A, b));
            assertEquals(key(A, b), delivered.get(delivered.size() - 1), "delivered on the calling thread");
        }
        assertEquals(8, delivered.size());
        assertTrue(computed.isEmpty());
        assertTrue(worker.tasks.isEmpty(), "nothing left to compute: " + worker.tasks.size());
    }

    @Test
    void theVisibleRequestOvertakesQueuedBackgroundWork() {
        scheduler.request(key(A, 4));
        worker.step(); // A4, then the background of A is queued
        worker.step(); // A5 in the background
        scheduler.request(key(A, 1)); // the learner jumps to 1 bit
        worker.step();
        assertEquals(keys(A, 4, 5, 1), computed, "1 bit next, before the queued 3, 6, 2, 7, 8");
        assertEquals(keys(A, 4, 1), delivered);
        worker.runAll();
        assertEquals(keys(A, 4, 5, 1, 2, 3, 6, 7, 8), computed, "then the rest, nearest to 1 bit first");
    }

    @Test
    void aWidthAskedForWhileItIsClusteredInTheBackgroundIsDeliveredWhenDone() {
        duringCompute = k -> {
            if (k.equals(key(A, 5))) {
                scheduler.request(key(A, 5)); // the learner reaches 5 bits while the background clusters it
            }
        };
        scheduler.request(key(A, 4));
        worker.step(); // A4 shown
        worker.step(); // A5 in the background, asked for meanwhile
        assertEquals(keys(A, 4, 5), computed);
        assertEquals(keys(A, 4, 5), delivered);
        worker.runAll();
        assertEquals(keys(A, 4, 5, 6, 7, 3, 8, 2, 1), computed, "then the rest, nearest to 5 bits first (upwards on a tie)");
    }

    @Test
    void changingTheLayerDropsTheOldLayersBackgroundWork() {
        scheduler.request(key(A, 4));
        worker.step();
        worker.step(); // A5
        scheduler.request(key(B, 4));
        worker.runAll();
        assertEquals(keys(A, 4, 5), computed.subList(0, 2));
        assertEquals(keys(B, 4, 5, 3, 6, 2, 7, 1, 8), computed.subList(2, computed.size()),
                "nothing more of layer A once B is shown");
        assertEquals(List.of(key(A, 4), key(B, 4)), delivered);
    }

    @Test
    void rapidRequestsDeliverOnlyTheLatest() {
        for (int b = 1; b <= 8; b++) {
            scheduler.request(key(A, b));
        }
        worker.step();
        assertEquals(keys(A, 8), computed, "the widths passed over are not computed first");
        assertEquals(keys(A, 8), delivered);
    }

    @Test
    void aResultThatArrivesAfterTheLearnerMovedOnIsNotDelivered() {
        duringCompute = k -> {
            if (k.equals(key(A, 4))) {
                scheduler.request(key(B, 2)); // while A4 is being clustered
            }
        };
        scheduler.request(key(A, 4));
        worker.runAll();
        assertEquals(List.of(key(B, 2)), delivered, "A4 is no longer on screen");
        assertEquals(key(A, 4), computed.get(0));
        assertEquals(keys(B, 2, 3, 1, 4, 5, 6, 7, 8), computed.subList(1, computed.size()),
                "then B2 and B's other widths, none of A's");
    }

    @Test
    void closingDropsQueuedWork() {
        scheduler.request(key(A, 4));
        worker.step();
        scheduler.close();
        worker.runAll();
        assertEquals(keys(A, 4), computed);
    }

    @Test
    void onARealSingleThreadTheLastRequestWins() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch shown = new CountDownLatch(1);
        AtomicReference<LayerPreviews.Key> last = new AtomicReference<>();
        try {
            PreviewScheduler real = new PreviewScheduler(k -> {
                if (k.bits() == 1) {
                    try {
                        release.await(); // hold the worker on the first request
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return fake(k);
            }, single, Runnable::run, new PreviewScheduler.Listener() {
                @Override
                public void loaded(LayerPreviews.Key key, LayerPreview value) {
                    last.set(key);
                    if (key.bits() == 6) {
                        shown.countDown();
                    }
                }

                @Override
                public void failed(LayerPreviews.Key key, Throwable error) {
                    throw new AssertionError(error);
                }
            }, 1, 8);
            real.request(key(A, 1));
            real.request(key(A, 3));
            real.request(key(A, 6));
            release.countDown();
            assertTrue(shown.await(30, TimeUnit.SECONDS));
            assertEquals(key(A, 6), last.get());
            real.close();
        } finally {
            single.shutdownNow();
        }
    }
}
