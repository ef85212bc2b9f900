package dev.quantlab.linear;

/**
 * A batch of int8 feature maps in NHWC order ({@code data[((n*height + y)*width + x)*channels + c]}).
 * Values of fewer than 8 bits are stored in the same bytes. The array is shared, not copied.
 */
public record Int8Activations(byte[] data, int batch, int height, int width, int channels) {

    /** Bytes of one CIFAR-10 image: three 32x32 planes (R, G, B). */
    public static final int CIFAR_IMAGE_BYTES = 3 * 32 * 32;

    public Int8Activations {
        if (batch <= 0 || height <= 0 || width <= 0 || channels <= 0) {
            throw new IllegalArgumentException("bad shape " + batch + "x" + height + "x" + width + "x" + channels);
        }
        if (data.length != (long) batch * height * width * channels) {
            throw new IllegalArgumentException(data.length + " values for shape " + batch + "x" + height + "x"
                    + width + "x" + channels);
        }
    }

    /** A zero-filled batch. */
    public static Int8Activations zeros(int batch, int height, int width, int channels) {
        return new Int8Activations(new byte[batch * height * width * channels], batch, height, width, channels);
    }

    /**
     * Maps {@code n} uint8 CIFAR images (3072 bytes each, channel planes, values 0..255) starting at image
     * {@code first} to int8 with {@code S = 1/255, Z = -128}: exactly {@code q = pixel - 128}, no float.
     */
    public static Int8Activations fromCifarImages(byte[] uint8Images, int first, int n) {
        int plane = 32 * 32;
        if (first < 0 || n <= 0 || (long) (first + n) * CIFAR_IMAGE_BYTES > uint8Images.length) {
            throw new IllegalArgumentException("images [" + first + ", " + (first + n) + ") do not fit in "
                    + uint8Images.length + " bytes (" + CIFAR_IMAGE_BYTES + " per image)");
        }
        byte[] out = new byte[n * plane * 3];
        for (int i = 0; i < n; i++) {
            int src = (first + i) * CIFAR_IMAGE_BYTES;
            int dst = i * plane * 3;
            for (int p = 0; p < plane; p++) {
                for (int c = 0; c < 3; c++) {
                    out[dst + p * 3 + c] = (byte) ((uint8Images[src + c * plane + p] & 0xFF) - 128);
                }
            }
        }
        return new Int8Activations(out, n, 32, 32, 3);
    }

    public int index(int n, int y, int x, int c) {
        return ((n * height + y) * width + x) * channels + c;
    }

    public int get(int n, int y, int x, int c) {
        return data[index(n, y, x, c)];
    }
}
