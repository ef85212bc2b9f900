package dev.quantlab.app.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.quantlab.app.kmeans.RunResult;
import dev.quantlab.app.services.KMeansSettings;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.results.Method;
import dev.quantlab.results.ResultsJson;
import dev.quantlab.results.ResultsStore;
import dev.quantlab.results.RunRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results store without JavaFX: persistence, restarts, damaged files. */
class ResultsStoreTest {
    @TempDir
    Path dir;

    private static RunRecord kmeans4() {
        return RunRecord.of(Method.KMEANS, 4, 4.40, 4.47, 83.03, 10_000).withNote("seed=42")
                .withTimestamp(Instant.parse("2025-01-02T03:04:05Z"));
    }

    private static RunRecord int8() {
        return RunRecord.of(Method.LINEAR, 8, 8.80, 8.83, 92.87, 1_000).withActivationBits(8)
                .withTimestamp(Instant.parse("2025-01-02T04:00:00Z"));
    }

    @Test
    void runsSurviveARestart() throws Exception {
        Path file = dir.resolve("results.json");
        try (ResultsStore store = ResultsStore.open(file)) {
            assertTrue(store.runs().isEmpty());
            store.add(kmeans4());
            store.add(int8());
        }
        assertTrue(Files.isRegularFile(file));
        try (ResultsStore again = ResultsStore.open(file)) {
            assertEquals(List.of(kmeans4(), int8()), again.runs());
            assertTrue(again.loadProblem().isEmpty());
            assertEquals("W8A8", again.runs().get(1).bitsLabel());
        }
    }

    @Test
    void aDamagedFileIsKeptAsideAndTheStoreStartsAfresh() throws Exception {
        Path file = dir.resolve("results.json");
        Files.writeString(file, "{\"version\": 1, \"runs\": [ {\"method\": \"kmeans\"", StandardCharsets.UTF_8);
        try (ResultsStore store = ResultsStore.open(file)) {
            assertTrue(store.runs().isEmpty());
            ResultsStore.LoadProblem p = store.loadProblem().orElseThrow();
            assertTrue(Files.readString(p.keptAs()).startsWith("{\"version\": 1"), "the original is kept");
            store.add(kmeans4());
        }
        try (ResultsStore again = ResultsStore.open(file)) {
            assertEquals(List.of(kmeans4()), again.runs());
            assertTrue(again.loadProblem().isEmpty());
        }
    }

    @Test
    void unusableEntriesAreSkippedAndReported() throws Exception {
        Path file = dir.resolve("results.json");
        String good = ResultsJson.write(List.of(kmeans4()));
        Files.writeString(file, good.replace("\"runs\": [", "\"runs\": [{\"method\": \"pruning\", \"weightBits\": 4},"));
        try (ResultsStore store = ResultsStore.open(file)) {
            assertEquals(List.of(kmeans4()), store.runs());
            assertTrue(store.loadProblem().orElseThrow().detail().contains("1 entries"));
        }
    }

    @Test
    void aFailingSaveIsAnnouncedOnceAndTheRunsStayInMemory() throws Exception {
        Path notAFolder = dir.resolve("plain-file");
        Files.writeString(notAFolder, "x");
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ResultsStore store = ResultsStore.open(notAFolder.resolve("results.json"))) {
            store.onSaveProblem(heard::add);
            store.add(kmeans4());
            store.flush();
            store.add(int8());
            store.flush();
            assertEquals(2, store.runs().size());
            assertTrue(store.saveProblem().orElseThrow().startsWith("Could not save results to "), store.saveProblem()
                    .toString());
        }
        assertEquals(1, heard.size(), heard.toString());
        assertTrue(heard.get(0).contains(notAFolder.toString()), heard.get(0));
    }

    @Test
    void anEqualResultIsRecordedOnce() {
        try (ResultsStore store = ResultsStore.open(dir.resolve("results.json"))) {
            assertTrue(store.addUnlessPresent(kmeans4()));
            assertFalse(store.addUnlessPresent(kmeans4().withTimestamp(Instant.now())));
            assertTrue(store.addUnlessPresent(kmeans4().withNote("seed=7")));
            assertEquals(2, store.runs().size());
            store.clear();
            assertTrue(store.runs().isEmpty());
        }
    }

    @Test
    void theObservableListFollowsTheStore() {
        try (ObservableResults results = new ObservableResults(ResultsStore.open(dir.resolve("r.json")), Runnable::run)) {
            results.add(int8());
            assertEquals(List.of(int8()), results.runs());
            results.clear();
            assertTrue(results.runs().isEmpty());
        }
    }

    @Test
    void aKMeansRunBecomesARecord() {
        RunRecord r = new RunResult(4, 4.4, 4.47, 80.5, 12.4, new TestSubset(500), KMeansSettings.DEFAULT).toRecord(null, null);
        assertEquals(Method.KMEANS, r.method());
        assertEquals(500, r.testImages());
        assertEquals(Method.FP32, new RunResult(32, 35.2, 35.2, 92.9, 0, TestSubset.ALL, KMeansSettings.DEFAULT)
                .toRecord(null, null).method());
    }
}
