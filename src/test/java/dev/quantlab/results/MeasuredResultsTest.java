package dev.quantlab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.core.UserFacingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasuredResultsTest {
    @TempDir
    Path tmp;

    @Test
    void theResultsFileSitsBesideTheModelUnderItsName() {
        assertEquals(Path.of("models", "vgg-cifar10-results.json"),
                MeasuredResults.besideModel(Path.of("models", "vgg-cifar10.safetensors")));
        assertEquals(Path.of("a", "vgg.cifar.pretrained-results.json"),
                MeasuredResults.besideModel(Path.of("a", "vgg.cifar.pretrained.pth")));
        assertEquals(Path.of("noext-results.json"), MeasuredResults.besideModel(Path.of("noext")));
    }

    @Test
    void readsTheRecordedRunsAndNothingWhenThereIsNoFile() throws Exception {
        Path model = tmp.resolve("m.safetensors");
        assertEquals(List.of(), MeasuredResults.read(model).runs());
        List<RunRecord> runs = List.of(RunRecord.of(Method.KMEANS_QAT, 2, 2.20, 2.27, 91.3, 10_000));
        Files.writeString(MeasuredResults.besideModel(model), ResultsJson.write(runs));
        assertEquals(runs, MeasuredResults.read(model).runs());
        assertEquals(0, MeasuredResults.read(model).skipped());
    }

    @Test
    void aDamagedFileIsNamedInTheError() throws Exception {
        Path model = tmp.resolve("m.safetensors");
        Files.writeString(MeasuredResults.besideModel(model), "[1, 2");
        UserFacingException e = assertThrows(UserFacingException.class, () -> MeasuredResults.read(model));
        assertTrue(e.getMessage().contains("m-results.json"), e.getMessage());
    }
}
