package dev.quantlab.model.pth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import dev.quantlab.testing.ThirdPartyFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Reads the real third-party checkpoints in the shared fixtures folder (where present) and compares them with their listings. */
@Tag(ThirdPartyFixtures.TAG)
class PthImporterFixturesTest {
    private static final Pattern ROW = Pattern.compile("^(\\d+)\\s+(\\S+)\\s+(float32|int64)\\s+\\[([^\\]]*)\\]");

    private record Listed(String name, String dtype, long[] shape) { }

    static Path fixtures() {
        return ThirdPartyFixtures.folder();
    }

    private static List<Listed> listing(String file, String dropPrefix) throws IOException {
        List<Listed> rows = new ArrayList<>();
        for (String line : Files.readAllLines(fixtures().resolve(file + ".txt"))) {
            Matcher m = ROW.matcher(line);
            if (!m.find()) {
                continue;
            }
            String name = m.group(2).startsWith(dropPrefix) ? m.group(2).substring(dropPrefix.length()) : m.group(2);
            String dims = m.group(4).trim();
            long[] shape = dims.isEmpty() ? new long[0]
                    : Arrays.stream(dims.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
            rows.add(new Listed(name, m.group(3), shape));
        }
        return rows;
    }

    private static StateDict load(String file) {
        return PthImporter.importStateDict(fixtures().resolve(file));
    }

    /** Every name, in order, with its element type and shape, as the listing gives them. */
    private static void assertMatchesListing(StateDict dict, List<Listed> listed, int expectedCount) {
        assertEquals(expectedCount, listed.size(), "listing rows");
        assertEquals(expectedCount, dict.size());
        List<String> names = new ArrayList<>(dict.asMap().keySet());
        for (int i = 0; i < listed.size(); i++) {
            Listed row = listed.get(i);
            assertEquals(row.name(), names.get(i), "name #" + i);
            TensorData t = dict.get(row.name());
            assertArrayEquals(row.shape(), t.shape(), row.name());
            assertEquals(row.dtype().equals("int64") ? TensorData.DType.I64 : TensorData.DType.F32, t.dtype(),
                    row.name());
            assertEquals(t.numel(), t.values().length, row.name());
        }
    }

    private static void assertFirstFive(StateDict dict, String name, double... expected) {
        float[] v = dict.get(name).values();
        for (int i = 0; i < expected.length; i++) {
            assertEquals((float) expected[i], v[i], 0f, name + "[" + i + "]");
        }
    }

    private static void assertCounters(StateDict dict, String first, long firstValue) {
        int counters = 0;
        for (var e : dict.asMap().entrySet()) {
            if (e.getKey().endsWith("num_batches_tracked")) {
                TensorData t = e.getValue();
                assertEquals(TensorData.DType.I64, t.dtype(), e.getKey());
                assertEquals(0, t.shape().length, e.getKey());
                assertEquals((float) t.longValue(), t.values()[0], 0f, e.getKey());
                counters++;
            }
        }
        assertTrue(counters > 0);
        assertEquals(firstValue, dict.get(first).longValue());
    }

    @Test
    void readsZipWithNumericKeysAndMetadata() throws IOException {
        String file = "EhanW_advrob-cifar10_resnet20.pth";
        StateDict dict = load(file);
        assertMatchesListing(dict, listing(file, ""), 128);
        assertFirstFive(dict, "conv_1.weight", 0.1586359292268753, 0.022496702149510384, 0.09773465991020203,
                -0.14286889135837555, -0.37547776103019714);
        assertFirstFive(dict, "bn_1.running_var", 3.8775603771209717, 3.1439085006713867, 2.9004671573638916,
                3.532308578491211, 1.7959659099578857);
        assertFirstFive(dict, "fc.weight", -0.10188887268304825, -0.5889719128608704, -0.14391468465328217,
                0.7907947301864624, 1.042720079421997);
        assertCounters(dict, "bn_1.num_batches_tracked", 0);
    }

    @Test
    void readsZipWithUnrelatedPrefix() throws IOException {
        String file = "atreides-K_Basic-Image-Classification-ML_best.pth";
        StateDict dict = load(file);
        assertMatchesListing(dict, listing(file, ""), 32);
        assertFirstFive(dict, "conv1.weight", -0.16049744188785553, -0.04589857906103134, 0.09240122884511948,
                0.34380191564559937, 0.32993072271347046);
        assertFirstFive(dict, "bn1.running_var", 8.985838890075684, 7.526977062225342, 13.19906997680664,
                5.270977973937988, 5.289031982421875);
        assertFirstFive(dict, "fc2.weight", 0.144151970744133, -0.13524632155895233, 0.027032770216464996,
                -0.1380869448184967, 0.13741257786750793);
        assertCounters(dict, "bn1.num_batches_tracked", 117300);
    }

    @Test
    void readsLegacyFileAndStripsModulePrefix() throws IOException {
        String file = "akamaster_pytorch_resnet_cifar10_resnet20-12fca82f.th";
        StateDict dict = load(file);
        assertMatchesListing(dict, listing(file, "state_dict.module."), 97);
        assertFalse(dict.asMap().keySet().stream().anyMatch(n -> n.startsWith("module.")));
        assertFirstFive(dict, "conv1.weight", -0.13818146288394928, -0.1624176800251007, 0.8207383155822754,
                -0.34176430106163025, 1.445154070854187);
        assertFirstFive(dict, "bn1.running_var", 2.2049126625061035, 3.6240038871765137, 4.057121276855469,
                3.9390995502471924, 4.323617935180664);
    }
}
