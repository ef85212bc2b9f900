package dev.quantlab.app.common;

import javafx.beans.property.IntegerProperty;
import javafx.scene.control.Slider;
import javafx.util.Subscription;

/** A bit-width slider: whole-number ticks from its min to its max, kept in step with a view model's bits. */
public final class BitSlider {
    private BitSlider() { }

    /**
     * A slider over {@code min..max} with id {@code id}, snapping to whole bits, showing {@code bits} and setting it.
     * {@code keep} receives the subscription that follows {@code bits}, for a view that unsubscribes when it goes.
     */
    public static Slider create(String id, int min, int max, double prefWidth, IntegerProperty bits,
            java.util.function.Consumer<Subscription> keep) {
        Slider slider = new Slider(min, max, bits.get());
        slider.setId(id);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setBlockIncrement(1);
        slider.setPrefWidth(prefWidth);
        slider.valueProperty().addListener((o, a, v) -> bits.set((int) Math.round(v.doubleValue())));
        keep.accept(bits.subscribe((a, b) -> slider.setValue(b.intValue())));
        return slider;
    }
}
