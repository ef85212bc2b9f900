package dev.quantlab.model;

import dev.quantlab.core.UserFacingException;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Estimates the memory one batch of the VGG takes and refuses a batch size this machine cannot hold, before
 * anything is allocated (an oversized batch otherwise grows until the kernel kills the process without a word).
 * The estimate counts, per image, the activations a forward pass keeps for the backward pass (convolution, BatchNorm
 * and ReLU outputs, pooled maps, the input) in fp32, half as much again for the gradients alive at once when
 * training, and the batch's pixels on the Java heap.
 */
public final class BatchMemory {
    private static final double GRADIENT_FACTOR = 1.5;
    /** Share of the machine's memory a batch may take: the model, optimizer state and the OS need the rest. */
    private static final double MACHINE_SHARE = 0.6;
    /** Share of the Java heap the batch's input buffers may take. */
    private static final double HEAP_SHARE = 0.5;

    private BatchMemory() { }

    /** Native (libtorch) bytes per image of a batch: activations kept for backward, and gradients when training. */
    public static long nativeBytesPerImage(VggArchitecture arch, boolean training) {
        long size = VggArchitecture.IMAGE_SIZE;
        long floats = 3 * size * size;
        for (VggArchitecture.Stage s : arch.stages()) {
            if (s.isPool()) {
                size /= 2;
                floats += s.channels() * size * size;
            } else {
                floats += 3 * s.channels() * size * size; // conv, BatchNorm and ReLU outputs
            }
        }
        double bytes = 4.0 * floats * (training ? GRADIENT_FACTOR : 1.0);
        return (long) Math.ceil(bytes);
    }

    /** Java heap bytes per image: its pixels as floats (the batch buffer). */
    public static long heapBytesPerImage() {
        return 4L * 3 * VggArchitecture.IMAGE_SIZE * VggArchitecture.IMAGE_SIZE;
    }

    /**
     * Refuses {@code batch} when its estimate exceeds what this machine (or this JVM's heap) can hold.
     *
     * @param option the option that set it, named in the message (e.g. {@code --batch-size})
     */
    public static void check(String option, int batch, boolean training) {
        check(option, batch, training, machineBytes(), Runtime.getRuntime().maxMemory());
    }

    static void check(String option, int batch, boolean training, long machineBytes, long maxHeapBytes) {
        if (batch <= 0) {
            throw new UserFacingException(option + " must be at least 1, got " + batch);
        }
        long nativeNeed = (long) batch * nativeBytesPerImage(VggArchitecture.cifarVgg(), training);
        long heapNeed = (long) batch * heapBytesPerImage();
        long nativeLimit = (long) (machineBytes * MACHINE_SHARE);
        long heapLimit = (long) (maxHeapBytes * HEAP_SHARE);
        if (nativeNeed > nativeLimit || heapNeed > heapLimit) {
            long perImage = nativeBytesPerImage(VggArchitecture.cifarVgg(), training);
            int most = (int) Math.max(1, Math.min(Integer.MAX_VALUE,
                    Math.min(nativeLimit / perImage, heapLimit / heapBytesPerImage())));
            throw new UserFacingException(String.format(Locale.ROOT, "%s %d needs about %s for one %s batch, more "
                    + "than this machine can hold (%s of memory, %s of Java heap): use at most %d", option, batch,
                    gib(Math.max(nativeNeed, heapNeed)), training ? "training" : "evaluation", gib(machineBytes),
                    gib(maxHeapBytes), most));
        }
    }

    /** Physical memory (or the container's limit), or a conservative 4 GiB when the JVM cannot tell. */
    static long machineBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long total = os.getTotalMemorySize();
            if (total > 0) {
                return total;
            }
        }
        return 4L << 30;
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
