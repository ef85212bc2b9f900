package dev.quantlab.app.qat;

import dev.quantlab.app.services.TestSubset;
import dev.quantlab.kmeans.qat.UpdateRule;
import dev.quantlab.model.VggArchitecture;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the learner chose in the QAT form, as properties the form binds both ways: the run's settings and the layer
 * the centroid chart shows. {@link #settings()} reads them as one {@link QatSettings}. Use on the FX thread.
 */
public final class QatChoices {
    private final List<String> layers = VggArchitecture.cifarVgg().weightMatrices().stream()
            .map(VggArchitecture.TensorSpec::name).toList();
    private final IntegerProperty bits = new SimpleIntegerProperty(QatSettings.DEFAULT.bits());
    private final ObjectProperty<UpdateRule> rule = new SimpleObjectProperty<>(QatSettings.DEFAULT.rule());
    private final IntegerProperty epochs = new SimpleIntegerProperty(QatSettings.DEFAULT.epochs());
    private final ObjectProperty<Double> fraction = new SimpleObjectProperty<>(QatSettings.DEFAULT.epochFraction());
    private final ObjectProperty<Integer> batchSize = new SimpleObjectProperty<>(QatSettings.DEFAULT.batchSize());
    private final ObjectProperty<Double> threshold = new SimpleObjectProperty<>(QatSettings.DEFAULT.threshold());
    private final ObjectProperty<TestSubset> subset = new SimpleObjectProperty<>(QatSettings.DEFAULT.subset());
    private final ObjectProperty<String> layer = new SimpleObjectProperty<>(layers.get(layers.size() / 2));

    /** The settings as chosen now (a missing choice reads as an invalid value, see {@link QatSettings#problems}). */
    public QatSettings settings() {
        return new QatSettings(bits.get(), rule.get(), epochs.get(), value(fraction.get()), valueOf(batchSize.get()),
                value(threshold.get()), subset.get(), QatSettings.DEFAULT.seed());
    }

    private static double value(Double d) {
        return d == null ? Double.NaN : d;
    }

    private static int valueOf(Integer i) {
        return i == null ? 0 : i;
    }

    /** The weight matrices whose centroids can be shown. */
    public List<String> layers() {
        return layers;
    }

    public IntegerProperty bits() {
        return bits;
    }

    public ObjectProperty<UpdateRule> rule() {
        return rule;
    }

    public IntegerProperty epochs() {
        return epochs;
    }

    public ObjectProperty<Double> fraction() {
        return fraction;
    }

    public ObjectProperty<Integer> batchSize() {
        return batchSize;
    }

    public ObjectProperty<Double> threshold() {
        return threshold;
    }

    public ObjectProperty<TestSubset> subset() {
        return subset;
    }

    /** The layer whose centroids the chart shows. */
    public ObjectProperty<String> layer() {
        return layer;
    }
}
