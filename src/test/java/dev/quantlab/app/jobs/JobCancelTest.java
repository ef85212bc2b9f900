package dev.quantlab.app.jobs;

import dev.quantlab.app.i18n.Language;
import java.util.Locale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A cancelled job counts as running until its worker has really returned, so that the learner cannot start a
 * second heavy job beside one that is still finishing its current step.
 */
class JobCancelTest {
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aCancelledJobRunsUntilItsWorkerReturns() throws Exception {
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch stepMayEnd = new CountDownLatch(1);
        List<String> notices = new ArrayList<>();
        JobRunner runner = new JobRunner(pool, (what, e) -> { }, notices::add, new Language(Locale.ENGLISH));
        JobProgress progress = new JobProgress(new Language(Locale.ENGLISH), () -> "idle");
        notices.add("slow step: cancelled"); // an earlier job's outcome, stale once this one starts
        AtomicReference<Job<String>> job = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            // a step that does not look at the token until it is done, like one training step
            job.set(runner.submit("slow step", (p, cancel) -> {
                inStep.countDown();
                stepMayEnd.await();
                cancel.throwIfCancelled();
                return "finished";
            }, r -> { }));
            progress.track(job.get());
        }).get();
        assertTrue(inStep.await(10, TimeUnit.SECONDS));

        WaitForAsyncUtils.asyncFx(() -> job.get().cancel()).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(progress.isRunning(), "still running while the worker finishes its step");
        assertEquals("Stopping at the next safe point…", progress.messageProperty().get());
        assertEquals(1, runner.running().size(), "still listed in the status bar");

        stepMayEnd.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !progress.isRunning());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Cancelled.", progress.messageProperty().get());
        assertTrue(runner.running().isEmpty());
        // the stale notice was cleared when the job started; then its own outcome
        assertEquals(List.of("slow step: cancelled", "", "slow step: cancelled"), notices);
    }

    @Test
    void aJobCancelledBeforeItStartedStopsAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        JobRunner runner = new JobRunner(pool, (what, e) -> { }, n -> { }, new Language(Locale.ENGLISH));
        JobProgress progress = new JobProgress(new Language(Locale.ENGLISH), () -> "idle");
        WaitForAsyncUtils.asyncFx(() -> {
            runner.submit("blocker", (p, cancel) -> {
                release.await();
                return 0;
            }, r -> { });
            Job<Integer> queued = runner.submit("queued", (p, cancel) -> 1, r -> { });
            progress.track(queued);
            queued.cancel();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(progress.isRunning());
        assertEquals("Cancelled.", progress.messageProperty().get());
        release.countDown();
    }
}
