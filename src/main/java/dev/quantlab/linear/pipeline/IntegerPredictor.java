package dev.quantlab.linear.pipeline;

import dev.quantlab.data.CifarSplit;
import dev.quantlab.eval.BatchPredictor;
import dev.quantlab.linear.IntegerVgg;

/** Runs the integer-only VGG on the stored uint8 images: no float between the pixels and the logits. */
public final class IntegerPredictor implements BatchPredictor {
    private final IntegerVgg model;

    public IntegerPredictor(IntegerVgg model) {
        this.model = model;
    }

    @Override
    public int[] predict(CifarSplit split, int[] indices, int from, int n) {
        byte[] images = new byte[n * CifarSplit.IMAGE_BYTES];
        for (int i = 0; i < n; i++) {
            System.arraycopy(split.pixels(), indices[from + i] * CifarSplit.IMAGE_BYTES, images, i * CifarSplit.IMAGE_BYTES,
                    CifarSplit.IMAGE_BYTES);
        }
        return model.predict(images, n);
    }
}
