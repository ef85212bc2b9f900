package dev.quantlab.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The two weight-file families QuantLab reads, told apart by the file's first bytes and never by its
 * name: a PyTorch checkpoint (zip archive, legacy pickle stream, or pre-0.4 tar) saved as {@code .pth},
 * {@code .bin}, {@code .ckpt} or anything else, versus safetensors (everything else, whose reader explains
 * what is wrong with it).
 */
enum WeightsFormat {
    PYTORCH, SAFETENSORS;

    private static final int HEAD = 512;

    /** The format of {@code file} by content; an empty or unreadable file falls back to its extension. */
    static WeightsFormat detect(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        } catch (IOException e) {
            head = new byte[0];
        }
        if (head.length == 0) {
            return byExtension(file);
        }
        return isPyTorch(head) ? PYTORCH : SAFETENSORS;
    }

    /**
     * Whether {@code head} starts a PyTorch checkpoint. A safetensors file (8-byte header length, then its
     * JSON header's '{') is never one, even when its length bytes happen to look like a zip or pickle magic.
     */
    static boolean isPyTorch(byte[] head) {
        if (head.length >= 9 && head[8] == '{') {
            return false;
        }
        boolean zip = head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
        boolean pickle = (head[0] & 0xff) == 0x80;
        boolean tar = head.length >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        return zip || pickle || tar;
    }

    private static WeightsFormat byExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean pth = name.endsWith(".pth") || name.endsWith(".pt") || name.endsWith(".th")
                || name.endsWith(".tar") || name.endsWith(".bin") || name.endsWith(".ckpt");
        return pth ? PYTORCH : SAFETENSORS;
    }
}
