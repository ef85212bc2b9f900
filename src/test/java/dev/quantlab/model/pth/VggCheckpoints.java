package dev.quantlab.model.pth;

import dev.quantlab.model.StateDict;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;

/** Writes a VGG state dict as a PyTorch zip checkpoint shaped like the lesson's vgg.cifar.pretrained.pth. */
public final class VggCheckpoints {
    private VggCheckpoints() { }

    /** A dict whose {@code state_dict} entry holds every tensor (contiguous; BN counters as int64 scalars). */
    public static void writeZipWithStateDict(Path file, StateDict weights) throws IOException {
        SyntheticCheckpoint ck = new SyntheticCheckpoint().wrappedIn("state_dict").withMetadata();
        int key = 0;
        for (var e : weights.asMap().entrySet()) {
            String k = Integer.toString(key++);
            long[] shape = e.getValue().shape();
            if (e.getValue().isInteger()) {
                ck.storage(k, "LongStorage", 1, SyntheticCheckpoint.longBytes(e.getValue().longValue()));
            } else {
                float[] v = e.getValue().values();
                ck.storage(k, "FloatStorage", v.length, SyntheticCheckpoint.floatBytes(ByteOrder.LITTLE_ENDIAN, v));
            }
            long[] stride = new long[shape.length];
            long s = 1;
            for (int i = shape.length - 1; i >= 0; i--) {
                stride[i] = s;
                s *= shape[i];
            }
            ck.tensor(e.getKey(), k, 0, shape, stride);
        }
        ck.writeZip(file, "vgg.cifar.pretrained/", null);
    }
}
