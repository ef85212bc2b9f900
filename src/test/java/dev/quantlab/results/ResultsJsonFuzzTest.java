package dev.quantlab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonParseException;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the results file reader. In {@code mvn verify} it runs only over its seed corpus; with
 * {@code JAZZER_FUZZ=1} it fuzzes. Any bytes must give runs that survive writing and reading again unchanged, or a
 * single-line {@link JsonParseException}.
 */
class ResultsJsonFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void fuzzRead(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        ResultsJson.Parsed parsed;
        try {
            parsed = ResultsJson.read(bytes);
        } catch (JsonParseException e) {
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            return;
        }
        for (RunRecord r : parsed.runs()) {
            assertNotNull(r.method());
            assertNotNull(r.timestamp());
        }
        ResultsJson.Parsed again = ResultsJson.read(ResultsJson.write(parsed.runs()).getBytes(StandardCharsets.UTF_8));
        assertEquals(parsed.runs(), again.runs());
        assertEquals(0, again.skipped());
    }
}
