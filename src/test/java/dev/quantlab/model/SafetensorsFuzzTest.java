package dev.quantlab.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.quantlab.core.UserFacingException;

/**
 * Coverage-guided fuzzing of the safetensors reader. In {@code mvn verify} it runs only over its seed corpus
 * ({@code src/test/resources/dev/quantlab/model/SafetensorsFuzzTestInputs/fuzzRead/}); with {@code JAZZER_FUZZ=1}
 * it fuzzes. Any input must give tensors that fit the bytes, or one single-line {@link UserFacingException}.
 */
class SafetensorsFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void fuzzRead(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        SafetensorsFile.Contents c;
        try {
            c = SafetensorsFile.read("fuzz.safetensors", bytes);
        } catch (UserFacingException e) {
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().startsWith("Model file fuzz.safetensors is not a valid safetensors file: ")
                    || e.getMessage().startsWith("Model file fuzz.safetensors: "), e.getMessage());
            return;
        }
        // accepted: the tensors' bytes tile the data exactly, so they can never exceed the file
        long elements = 0;
        for (TensorData t : c.tensors().asMap().values()) {
            elements += t.values().length;
            assertTrue(t.values().length == Shapes.numel(t.shape()), "values match the shape");
        }
        assertTrue(elements <= bytes.length, "no more elements than bytes");
    }
}
