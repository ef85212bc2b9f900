package dev.quantlab.data;

/** The lesson's train-time augmentation: random 32x32 crop of the 4-pixel zero-padded image, random horizontal flip. */
public record Augmentation(int padding, boolean flip) {
    public static final Augmentation NONE = new Augmentation(0, false);
    public static final Augmentation LESSON = new Augmentation(4, true);

    public boolean isNone() {
        return padding == 0 && !flip;
    }
}
