package dev.quantlab.model.pth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The two container formats torch.save has written, told apart by the file's first bytes. */
enum CheckpointFormat {
    /** PyTorch 1.6 and later: a zip archive. */
    ZIP,
    /** Before 1.6: a sequence of pickles followed by raw storages. */
    LEGACY;

    /** Detects the format, or explains why the file is no checkpoint QuantLab can read. */
    static CheckpointFormat detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        }
        if (head.length == 0) {
            throw CheckpointException.damaged("the file is empty");
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5)) {
            return ZIP;
        }
        if ((head[0] & 0xff) == 0x80) {
            return LEGACY;
        }
        if (head.length >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
            throw CheckpointException.damaged("it is a tar archive, a format of PyTorch before 0.4 that QuantLab "
                    + "cannot read; load and re-save it with a recent PyTorch");
        }
        throw CheckpointException.damaged("it is not a PyTorch checkpoint (neither a zip archive nor a "
                + "pickle stream)");
    }
}
