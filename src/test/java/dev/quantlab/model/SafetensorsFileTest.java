package dev.quantlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.core.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsFileTest {
    @TempDir
    Path dir;

    private static StateDict sample() {
        return new StateDict()
                .put("a.weight", TensorData.of(new float[] {1.5f, -2.25f, 3e-8f, 65504f, 0f, -0f}, 2, 3))
                .put("a.count", TensorData.scalarLong(123_456_789_012L))
                .put("b", TensorData.of(new float[] {0.1f}, 1));
    }

    @Test
    void float32RoundTripIsExactAndKeepsOrderAndMetadata() throws IOException {
        Path f = dir.resolve("m.safetensors");
        SafetensorsFile.write(f, sample(), Map.of("note", "hello"), TensorData.DType.F32);
        SafetensorsFile.Contents c = SafetensorsFile.read(f);
        assertEquals(java.util.List.of("a.weight", "a.count", "b"), java.util.List.copyOf(c.tensors().asMap().keySet()));
        assertArrayEquals(sample().get("a.weight").values(), c.tensors().get("a.weight").values());
        assertArrayEquals(new long[] {2, 3}, c.tensors().get("a.weight").shape());
        assertEquals(123_456_789_012L, c.tensors().get("a.count").longValue());
        assertEquals(TensorData.DType.I64, c.tensors().get("a.count").dtype());
        assertEquals("hello", c.metadata().get("note"));
    }

    @Test
    void float16RoundTripIsWithinHalfPrecision() throws IOException {
        Path f = dir.resolve("h.safetensors");
        SafetensorsFile.write(f, sample(), Map.of(), TensorData.DType.F16);
        float[] got = SafetensorsFile.read(f).tensors().get("a.weight").values();
        float[] want = sample().get("a.weight").values();
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], Math.abs(want[i]) * 1e-3 + 1e-7, "element " + i);
        }
        assertTrue(Files.size(f) < Files.size(writeF32()));
    }

    private Path writeF32() throws IOException {
        Path f = dir.resolve("f.safetensors");
        SafetensorsFile.write(f, sample(), Map.of(), TensorData.DType.F32);
        return f;
    }

    @Test
    void halfConversionRoundsToNearestEven() {
        for (float v : new float[] {0f, 1f, -1f, 0.5f, 65504f, 6.1035156e-5f, 5.9604645e-8f, 0.33333334f}) {
            float back = Half.toFloat(Half.fromFloat(v));
            assertEquals(v, back, Math.abs(v) * 1e-3, "value " + v);
        }
        assertEquals(Float.POSITIVE_INFINITY, Half.toFloat(Half.fromFloat(1e6f)));
        assertTrue(Float.isNaN(Half.toFloat(Half.fromFloat(Float.NaN))));
    }

    @Test
    void truncatedFileGetsAClearMessage() throws IOException {
        Path f = writeF32();
        byte[] all = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.safetensors");
        Files.write(cut, Arrays.copyOf(all, all.length - 5));
        UserFacingException e = assertThrows(UserFacingException.class, () -> SafetensorsFile.read(cut));
        assertTrue(e.getMessage().contains("cut.safetensors") && e.getMessage().contains("offsets"), e.getMessage());
    }

    @Test
    void garbageAndMissingFilesGetClearMessages() throws IOException {
        Path junk = dir.resolve("junk.safetensors");
        Files.write(junk, "this is not a model at all, just some text".getBytes());
        UserFacingException e = assertThrows(UserFacingException.class, () -> SafetensorsFile.read(junk));
        assertTrue(e.getMessage().contains("not a valid safetensors file"), e.getMessage());
        UserFacingException m = assertThrows(UserFacingException.class,
                () -> SafetensorsFile.read(dir.resolve("nope.safetensors")));
        assertTrue(m.getMessage().contains("not found"), m.getMessage());
    }

    /** A safetensors file with this JSON header and {@code dataBytes} zero bytes of tensor data. */
    private Path withHeader(String name, String json, int dataBytes) throws IOException {
        byte[] header = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + header.length + dataBytes)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header);
        Path f = dir.resolve(name);
        Files.write(f, b.array());
        return f;
    }

    @Test
    void damagedHeadersNameTheFileInsteadOfFailingDeepInside() throws IOException {
        String[] headers = {
            "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0]}}",
            "{\"w\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296,4294967296],\"data_offsets\":[0,8]}}",
            "{\"w\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,8]}}",
            "{\"w\":{\"dtype\":\"F32\",\"shape\":[\"x\"],\"data_offsets\":[0,8]}}",
            "{\"w\":{\"dtype\":\"F32\",\"shape\":[2]}}",
            "{\"w\":7}",
        };
        for (int i = 0; i < headers.length; i++) {
            Path f = withHeader("damaged" + i + ".safetensors", headers[i], 8);
            UserFacingException e = assertThrows(UserFacingException.class, () -> SafetensorsFile.read(f), headers[i]);
            assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        }
    }
}
