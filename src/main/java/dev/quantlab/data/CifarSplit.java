package dev.quantlab.data;

import java.util.Arrays;

/**
 * Images of one CIFAR-10 split kept as bytes: image {@code i} occupies
 * {@code pixels[i*3072 .. i*3072+3071]} (1024 R, 1024 G, 1024 B, row-major 32x32).
 */
public record CifarSplit(String name, byte[] pixels, byte[] labels) {
    public static final int IMAGE_BYTES = 3072;
    public static final int CLASSES = 10;

    public CifarSplit {
        if (pixels.length != labels.length * IMAGE_BYTES) {
            throw new IllegalArgumentException("pixels do not match labels");
        }
    }

    public int size() {
        return labels.length;
    }

    public int label(int i) {
        return labels[i];
    }

    /** The first {@code n} images of each class in file order (a deterministic balanced subset). */
    public int[] balancedIndices(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("image limit must be 0 (all images) or positive, got " + limit);
        }
        if (limit == 0 || limit >= size()) {
            int[] all = new int[size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        int perClass = limit / CLASSES;
        int extra = limit % CLASSES;
        int[] quota = new int[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
            quota[c] = perClass + (c < extra ? 1 : 0);
        }
        int[] out = new int[limit];
        int n = 0;
        for (int i = 0; i < size() && n < limit; i++) {
            int c = labels[i];
            if (quota[c] > 0) {
                quota[c]--;
                out[n++] = i;
            }
        }
        return n == limit ? out : Arrays.copyOf(out, n);
    }
}
