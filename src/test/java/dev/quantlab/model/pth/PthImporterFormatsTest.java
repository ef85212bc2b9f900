package dev.quantlab.model.pth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quantlab.model.Half;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format details on small synthetic checkpoints: views, element types, wrappers, both containers. */
class PthImporterFormatsTest {
    @TempDir
    Path dir;

    private static final float[] TWELVE = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};

    private StateDict zip(SyntheticCheckpoint ck) throws IOException {
        Path file = dir.resolve("model.pth");
        ck.writeZip(file, "some_unrelated_name/", null);
        return PthImporter.importStateDict(file);
    }

    @Test
    void materialisesStridesOffsetsAndScalars() throws IOException {
        StateDict d = zip(new SyntheticCheckpoint().floats("0", TWELVE)
                .tensor("transposed", "0", 0, new long[] {4, 3}, new long[] {1, 4})
                .tensor("window", "0", 2, new long[] {2, 2}, new long[] {4, 1})
                .tensor("scalar", "0", 5, new long[0], new long[0])
                .tensor("broadcast", "0", 7, new long[] {2, 3}, new long[] {0, 1})
                .tensor("empty", "0", 0, new long[] {0, 3}, new long[] {3, 1}));
        assertArrayEquals(new float[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, d.get("transposed").values());
        assertArrayEquals(new long[] {4, 3}, d.get("transposed").shape());
        assertArrayEquals(new float[] {2, 3, 6, 7}, d.get("window").values());
        assertArrayEquals(new float[] {5}, d.get("scalar").values());
        assertEquals(0, d.get("scalar").shape().length);
        assertArrayEquals(new float[] {7, 8, 9, 7, 8, 9}, d.get("broadcast").values());
        assertEquals(0, d.get("empty").values().length);
    }

    @Test
    void keepsFileOrderAndToleratesMetadataAndSharedStorages() throws IOException {
        StateDict d = zip(new SyntheticCheckpoint().floats("7", 1, 2, 3, 4).withMetadata()
                .tensor("z.weight", "7", 0, new long[] {2}, new long[] {1})
                .tensor("a.weight", "7", 2, new long[] {2}, new long[] {1})
                .tensor("m.weight", "7", 0, new long[] {4}, new long[] {1}));
        assertEquals(List.of("z.weight", "a.weight", "m.weight"), List.copyOf(d.asMap().keySet()));
        assertArrayEquals(new float[] {3, 4}, d.get("a.weight").values());
        assertArrayEquals(new float[] {1, 2, 3, 4}, d.get("m.weight").values());
    }

    @Test
    void convertsEveryElementType() throws IOException {
        ByteBuffer half = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                .putShort(Half.fromFloat(1.5f)).putShort(Half.fromFloat(-0.25f));
        ByteBuffer bf16 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) (Float.floatToIntBits(3.0f) >>> 16))
                .putShort((short) (Float.floatToIntBits(-2.5f) >>> 16));
        ByteBuffer dbl = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.1).putDouble(-7);
        ByteBuffer ints = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(-3).putInt(70000);
        ByteBuffer shorts = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) -300)
                .putShort((short) 12);
        StateDict d = zip(new SyntheticCheckpoint()
                .storage("h", "HalfStorage", 2, half.array()).vector("h", "h")
                .storage("b", "BFloat16Storage", 2, bf16.array()).vector("b", "b")
                .storage("d", "DoubleStorage", 2, dbl.array()).vector("d", "d")
                .storage("i", "IntStorage", 2, ints.array()).vector("i", "i")
                .storage("s", "ShortStorage", 2, shorts.array()).vector("s", "s")
                .storage("u", "ByteStorage", 2, new byte[] {(byte) 200, 3}).vector("u", "u")
                .storage("c", "CharStorage", 2, new byte[] {(byte) -5, 3}).vector("c", "c")
                .storage("o", "BoolStorage", 2, new byte[] {1, 0}).vector("o", "o")
                .storage("l", "LongStorage", 2, SyntheticCheckpoint.longBytes(5, -6)).vector("l", "l")
                .storage("n", "LongStorage", 1, SyntheticCheckpoint.longBytes(123456789012L))
                .tensor("n", "n", 0, new long[0], new long[0]));
        assertArrayEquals(new float[] {1.5f, -0.25f}, d.get("h").values());
        assertEquals(TensorData.DType.F16, d.get("h").dtype());
        assertArrayEquals(new float[] {3.0f, -2.5f}, d.get("b").values());
        assertEquals(TensorData.DType.BF16, d.get("b").dtype());
        assertArrayEquals(new float[] {0.1f, -7f}, d.get("d").values());
        assertEquals(TensorData.DType.F64, d.get("d").dtype());
        assertArrayEquals(new float[] {-3, 70000}, d.get("i").values());
        assertEquals(TensorData.DType.I32, d.get("i").dtype());
        assertArrayEquals(new float[] {-300, 12}, d.get("s").values());
        assertArrayEquals(new float[] {200, 3}, d.get("u").values());
        assertArrayEquals(new float[] {-5, 3}, d.get("c").values());
        assertArrayEquals(new float[] {1, 0}, d.get("o").values());
        assertArrayEquals(new float[] {5, -6}, d.get("l").values());
        assertEquals(TensorData.DType.I64, d.get("l").dtype());
        assertEquals(TensorData.DType.I64, d.get("n").dtype());
        assertEquals(123456789012L, d.get("n").longValue());
    }

    @Test
    void readsBigEndianRecordAndParameters() throws IOException {
        SyntheticCheckpoint ck = new SyntheticCheckpoint()
                .storage("0", "FloatStorage", 3, SyntheticCheckpoint.floatBytes(ByteOrder.BIG_ENDIAN, 1.25f, -2, 3))
                .parameter("w", "0", 0, new long[] {3}, new long[] {1});
        Path file = dir.resolve("be.pt");
        ck.writeZip(file, "archive/", "big");
        assertArrayEquals(new float[] {1.25f, -2, 3}, PthImporter.importStateDict(file).get("w").values());
    }

    @Test
    void unwrapsTrainingCheckpointsAndStripsDataParallelPrefix() throws IOException {
        for (String key : StateDictLocator.WRAPPER_KEYS) {
            StateDict d = zip(new SyntheticCheckpoint().floats("0", 1, 2).floats("1", 3)
                    .vector("module.backbone.conv0.weight", "0").vector("module.classifier.bias", "1")
                    .wrappedIn(key));
            assertEquals(List.of("backbone.conv0.weight", "classifier.bias"), List.copyOf(d.asMap().keySet()), key);
            assertArrayEquals(new float[] {3}, d.get("classifier.bias").values());
        }
    }

    @Test
    void keepsModulePrefixUnlessEveryNameHasIt() throws IOException {
        StateDict d = zip(new SyntheticCheckpoint().floats("0", 1).vector("module.a", "0").vector("b", "0"));
        assertEquals(List.of("module.a", "b"), List.copyOf(d.asMap().keySet()));
    }

    @Test
    void readsLegacyFormatWithOldRebuildAndStorageViews() throws IOException {
        SyntheticCheckpoint ck = new SyntheticCheckpoint().oldRebuild().wrappedIn("state_dict")
                .floats("94020243121552", TWELVE)
                .floats("94020255495056", 9, 8)
                .storage("1", "LongStorage", 1, SyntheticCheckpoint.longBytes(42))
                .tensor("module.w", "94020243121552", 1, new long[] {2, 2}, new long[] {1, 2})
                .vector("module.b", "94020255495056")
                .viewTensor("module.v", "94020243121552", 8, 3)
                .tensor("module.bn.num_batches_tracked", "1", 0, new long[0], new long[0]);
        Path file = dir.resolve("old.th");
        ck.writeLegacy(file);
        StateDict d = PthImporter.importStateDict(file);
        assertEquals(List.of("w", "b", "v", "bn.num_batches_tracked"), List.copyOf(d.asMap().keySet()));
        assertArrayEquals(new float[] {1, 3, 2, 4}, d.get("w").values());
        assertArrayEquals(new float[] {9, 8}, d.get("b").values());
        assertArrayEquals(new float[] {8, 9, 10}, d.get("v").values());
        assertEquals(42L, d.get("bn.num_batches_tracked").longValue());
    }
}
