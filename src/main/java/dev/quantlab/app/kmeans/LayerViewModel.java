package dev.quantlab.app.kmeans;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.jobs.Messages;
import dev.quantlab.app.services.KMeansSettings;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggArchitecture;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * One layer at one bit-width: choosing either asks a {@link PreviewScheduler} for that preview (computed on the
 * preview worker, cached, the visible request first, the layer's other widths clustered in the background); the
 * 5x5 demo follows the bit-width. Use on the FX thread.
 */
public final class LayerViewModel {
    public static final int MIN_BITS = 1;
    public static final int MAX_BITS = 8;

    private final Language language;
    private final Executor previews;
    private final Executor fxThread;
    private final KMeansSettings settings;
    private final List<String> layers = VggArchitecture.cifarVgg().weightMatrices().stream()
            .map(VggArchitecture.TensorSpec::name).toList();
    private final ObjectProperty<String> layer = new SimpleObjectProperty<>(layers.get(0));
    private final IntegerProperty bits = new SimpleIntegerProperty(4);
    private final ReadOnlyObjectWrapper<LayerPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DemoTensor.Quantized> demo = new ReadOnlyObjectWrapper<>();
    private final DemoTensor demoTensor = DemoTensor.load();
    private PreviewScheduler scheduler;
    private Supplier<String> text = () -> "";

    LayerViewModel(ObservableValue<StateDict> weights, Language language, Executor previews, Executor fxThread,
                   KMeansSettings settings) {
        this.language = language;
        this.previews = previews;
        this.fxThread = fxThread;
        this.settings = settings;
        layer.addListener((o, a, b) -> request());
        bits.addListener((o, a, b) -> {
            request();
            demo.set(demoTensor.quantize(bits.get(), settings));
        });
        weights.addListener((o, a, w) -> use(w));
        demo.set(demoTensor.quantize(bits.get(), settings));
        use(weights.getValue());
    }

    private void use(StateDict weights) {
        if (scheduler != null) {
            scheduler.close();
        }
        preview.set(null);
        if (weights == null) {
            scheduler = null;
            computing.set(false);
            say(() -> language.t("kmeans.preview.noModel"));
            return;
        }
        LayerPreviews computer = new LayerPreviews(weights, settings);
        scheduler = new PreviewScheduler(computer::compute, previews, fxThread, new PreviewScheduler.Listener() {
            @Override
            public void loaded(LayerPreviews.Key key, LayerPreview value) {
                computing.set(false);
                say(() -> "");
                preview.set(value);
            }

            @Override
            public void failed(LayerPreviews.Key key, Throwable error) {
                computing.set(false);
                say(() -> language.t("kmeans.preview.failed", key.layer(), Messages.describe(language.texts(), error)));
            }
        }, MIN_BITS, MAX_BITS);
        request();
    }

    private void request() {
        if (scheduler == null) {
            return;
        }
        LayerPreviews.Key key = new LayerPreviews.Key(layer.get(), bits.get());
        if (scheduler.cached(key).isEmpty()) {
            computing.set(true);
            say(() -> language.t("kmeans.preview.computing", key.layer(), Integer.toString(key.bits())));
        }
        scheduler.request(key);
    }

    private void say(Supplier<String> t) {
        text = t;
        message.set(t.get());
    }

    /** After a language switch: the message in the new language. */
    void relocalize() {
        message.set(text.get());
    }

    public List<String> layers() {
        return layers;
    }

    public ObjectProperty<String> layer() {
        return layer;
    }

    public IntegerProperty bits() {
        return bits;
    }

    public ReadOnlyObjectProperty<LayerPreview> preview() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty computing() {
        return computing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DemoTensor.Quantized> demo() {
        return demo.getReadOnlyProperty();
    }

    public KMeansSettings settings() {
        return settings;
    }
}
