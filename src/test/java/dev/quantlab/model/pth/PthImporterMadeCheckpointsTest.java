package dev.quantlab.model.pth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import dev.quantlab.testing.TestResources;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Small checkpoints written by PyTorch itself ({@code scripts/make-pth-fixtures.py}, torch.save in the zip and the
 * legacy layouts) against the names, types, shapes and values PyTorch listed beside them.
 */
class PthImporterMadeCheckpointsTest {

    @ParameterizedTest
    @ValueSource(strings = {"zip-bare.pth", "zip-checkpoint.pth", "zip-views.pth",
        "legacy-bare.pth", "legacy-checkpoint.pth", "legacy-views.pth"})
    void readsEveryTensorAsPyTorchListedIt(String file) throws IOException {
        Path pth = TestResources.path("pth/" + file);
        JsonObject expected;
        try (Reader r = Files.newBufferedReader(pth.resolveSibling(file + ".json"), StandardCharsets.UTF_8)) {
            expected = JsonParser.parseReader(r).getAsJsonObject();
        }
        assertEquals(file.startsWith("legacy") ? "legacy" : "zip", expected.get("layout").getAsString());
        StateDict dict = PthImporter.importStateDict(pth);
        List<String> names = new ArrayList<>(dict.asMap().keySet());
        var tensors = expected.getAsJsonArray("tensors");
        assertTrue(tensors.size() >= 6, "listing of " + file);
        assertEquals(tensors.size(), dict.size(), file + ": " + names);
        for (int i = 0; i < tensors.size(); i++) {
            JsonObject row = tensors.get(i).getAsJsonObject();
            String name = row.get("name").getAsString();
            assertEquals(name, names.get(i), file + ": name #" + i);
            TensorData t = dict.get(name);
            long[] shape = new long[row.getAsJsonArray("shape").size()];
            for (int d = 0; d < shape.length; d++) {
                shape[d] = row.getAsJsonArray("shape").get(d).getAsLong();
            }
            assertArrayEquals(shape, t.shape(), file + ": " + name);
            assertEquals(TensorData.DType.valueOf(row.get("dtype").getAsString()), t.dtype(), file + ": " + name);
            var values = row.getAsJsonArray("values");
            assertEquals(values.size(), t.values().length, file + ": " + name);
            for (int k = 0; k < values.size(); k++) {
                JsonElement v = values.get(k);
                assertEquals(v.getAsFloat(), t.values()[k], 0f, file + ": " + name + "[" + k + "]");
            }
            if (t.dtype() == TensorData.DType.I64 && shape.length == 0) {
                assertEquals(values.get(0).getAsLong(), t.longValue(), file + ": " + name);
            }
        }
    }
}
