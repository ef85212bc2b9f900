package dev.quantlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.jobs.LatestRequestLoader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LatestRequestLoaderTest {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final List<Integer> computed = new CopyOnWriteArrayList<>();
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    private LatestRequestLoader<Integer, String> loader(boolean blockFirst) {
        return new LatestRequestLoader<>(k -> {
            if (blockFirst && computed.isEmpty()) {
                await(release);
            }
            computed.add(k);
            if (k < 0) {
                throw new IllegalArgumentException("negative");
            }
            return "v" + k;
        }, worker, Runnable::run, new LatestRequestLoader.Listener<>() {
            @Override
            public void loaded(Integer key, String value) {
                delivered.add(value);
            }

            @Override
            public void failed(Integer key, Throwable error) {
                delivered.add("error " + key);
            }
        });
    }

    @Test
    void requestsMadeDuringAComputationCollapseIntoTheLatest() throws Exception {
        LatestRequestLoader<Integer, String> l = loader(true);
        l.request(1);
        Thread.sleep(50);
        for (int k = 2; k <= 8; k++) {
            l.request(k);
        }
        release.countDown();
        waitFor(() -> delivered.contains("v8"));
        assertEquals(List.of(1, 8), computed);
        assertEquals(List.of("v8"), delivered); // 1 finished after 8 was asked for: not shown
    }

    @Test
    void cachedKeysAreDeliveredAtOnceWithoutComputingAgain() throws Exception {
        LatestRequestLoader<Integer, String> l = loader(false);
        l.request(3);
        waitFor(() -> delivered.contains("v3"));
        l.request(4);
        waitFor(() -> delivered.contains("v4"));
        l.request(3);
        assertEquals(List.of("v3", "v4", "v3"), delivered);
        assertEquals(List.of(3, 4), computed);
        assertTrue(l.cached(4).isPresent());
    }

    @Test
    void failuresAreReportedOnceAndDoNotStopLaterRequests() throws Exception {
        LatestRequestLoader<Integer, String> l = loader(false);
        l.request(-1);
        waitFor(() -> delivered.contains("error -1"));
        l.request(2);
        waitFor(() -> delivered.contains("v2"));
        assertEquals(List.of(-1, 2), computed);
    }

    @Test
    void aClosedLoaderDeliversNothing() throws Exception {
        LatestRequestLoader<Integer, String> l = loader(true);
        l.request(1);
        l.close();
        release.countDown();
        worker.shutdown();
        assertTrue(worker.awaitTermination(5, TimeUnit.SECONDS));
        assertTrue(delivered.isEmpty());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met in 5 s");
            }
            Thread.sleep(5);
        }
    }
}
