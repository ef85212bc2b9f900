package dev.quantlab.app.i18n;

/**
 * A value that says itself in a language ("100 images", "100 張影像"). {@link Texts#t} formats such arguments with
 * {@link #describe}, so a message can take the value itself and never shows a {@code toString()}.
 */
public interface Describable {
    String describe(Texts texts);
}
