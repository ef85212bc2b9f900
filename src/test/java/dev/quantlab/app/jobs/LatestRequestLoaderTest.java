package dev.quantlab.app.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    private LatestRequestLoader<Integer, String> loader(boolean blockFirst) {
        return new LatestRequestLoader<>(k -> {
            if (blockFirst && computed.isEmpty()) {
                started.countDown();
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
        await(started); // 1 is being computed
        for (int k = 2; k <= 8; k++) {
            l.request(k);
        }
        release.countDown();
        settle();
        assertEquals(List.of(1, 8), computed);
        assertEquals(List.of("v8"), delivered); // 1 finished after 8 was asked for: not shown
    }

    @Test
    void cachedKeysAreDeliveredAtOnceWithoutComputingAgain() throws Exception {
        LatestRequestLoader<Integer, String> l = loader(false);
        l.request(3);
        settle();
        l.request(4);
        settle();
        l.request(3);
        assertEquals(List.of("v3", "v4", "v3"), delivered);
        assertEquals(List.of(3, 4), computed);
        assertTrue(l.cached(4).isPresent());
    }

    @Test
    void failuresAreReportedOnceAndDoNotStopLaterRequests() throws Exception {
        LatestRequestLoader<Integer, String> l = loader(false);
        l.request(-1);
        settle();
        l.request(2);
        settle();
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

    /**
     * Waits until the worker has done everything asked so far: the loader computes and (with a direct delivery
     * executor) delivers inside one task on the single worker thread, so a task queued after it runs once it is done.
     */
    private void settle() throws Exception {
        worker.submit(() -> { }).get(5, TimeUnit.SECONDS);
    }
}
