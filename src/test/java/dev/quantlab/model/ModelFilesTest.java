package dev.quantlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.core.UserFacingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
    @TempDir
    Path dir;

    @Test
    void loadsAFullVggFile() throws IOException {
        Path f = dir.resolve("vgg.safetensors");
        SafetensorsFile.write(f, VggNet.initialWeights(1), Map.of(), TensorData.DType.F32);
        StateDict sd = ModelFiles.load(f);
        assertEquals(50, sd.size());
        assertEquals(VggNet.initialWeights(1).get("backbone.conv3.weight").values()[17],
                sd.get("backbone.conv3.weight").values()[17]);
    }

    @Test
    void foreignWeightsListMissingUnexpectedAndMisShapedTensors() throws IOException {
        StateDict sd = VggNet.initialWeights(1);
        StateDict wrong = new StateDict();
        sd.asMap().forEach((k, v) -> {
            if (!k.equals("backbone.conv7.weight")) {
                wrong.put(k, v);
            }
        });
        wrong.put("classifier.bias", TensorData.of(new float[100], 100));
        wrong.put("fc2.weight", TensorData.of(new float[4], 2, 2));
        Path f = dir.resolve("foreign.safetensors");
        SafetensorsFile.write(f, wrong, Map.of(), TensorData.DType.F32);
        UserFacingException e = assertThrows(UserFacingException.class, () -> ModelFiles.load(f));
        String m = e.getMessage();
        assertTrue(m.contains("missing tensors (1): backbone.conv7.weight"), m);
        assertTrue(m.contains("unexpected tensors (1): fc2.weight"), m);
        assertTrue(m.contains("classifier.bias is [100], expected [10]"), m);
    }

    @Test
    void missingFileExplainsWhatToDo() {
        UserFacingException e = assertThrows(UserFacingException.class, () -> ModelFiles.load(dir.resolve("x.safetensors")));
        assertTrue(e.getMessage().contains("--model"), e.getMessage());
    }
}
