package dev.quantlab.app.status;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.services.AppServices;
import dev.quantlab.app.services.DatasetService;
import dev.quantlab.app.services.ModelService;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.StatusBar;

/** The status bar: model in use, dataset state, the last notice, and running jobs with progress and cancel. */
public final class StatusBarView {
    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    private static final PseudoClass WARN = PseudoClass.getPseudoClass("warn");
    private final StatusBar bar = new StatusBar();
    private final JobIndicator jobs;
    private final Runnable unsubscribe;

    public StatusBarView(AppServices services, Texts texts) {
        bar.setId("statusBar");
        bar.textProperty().bind(services.notice());
        Label model = chip("modelStatus");
        ModelService m = services.model();
        model.textProperty().bind(Bindings.createStringBinding(() -> modelText(texts, m), m.status(), m.path()));
        model.tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip(m.message().get()), m.message()));
        javafx.util.Subscription modelMarks = m.status().subscribe((a, s) -> mark(model,
                s == ModelService.Status.LOADED, s == ModelService.Status.MISSING || s == ModelService.Status.FAILED));
        mark(model, m.isLoaded(), !m.isLoaded());
        Label data = chip("dataStatus");
        DatasetService d = services.data();
        data.textProperty().bind(Bindings.createStringBinding(() -> dataText(texts, d), d.status()));
        data.tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip(d.message().get()), d.message()));
        javafx.util.Subscription dataMarks = d.status().subscribe((a, s) -> mark(data,
                s == DatasetService.Status.AVAILABLE, s == DatasetService.Status.MISSING));
        mark(data, d.isAvailable(), d.status().get() == DatasetService.Status.MISSING);
        bar.getLeftItems().addAll(model, new Separator(javafx.geometry.Orientation.VERTICAL), data,
                new Separator(javafx.geometry.Orientation.VERTICAL));
        jobs = new JobIndicator(services.jobs().running(), texts);
        bar.getRightItems().add(jobs);
        unsubscribe = () -> {
            modelMarks.unsubscribe();
            dataMarks.unsubscribe();
        };
    }

    /** Detaches from the services (the window is rebuilding in another language). */
    public void dispose() {
        unsubscribe.run();
        jobs.dispose();
        bar.textProperty().unbind();
    }

    public StatusBar node() {
        return bar;
    }

    static String modelText(Texts texts, ModelService m) {
        String file = m.path().get() == null ? "" : m.path().get().getFileName().toString();
        switch (m.status().get()) {
            case LOADED: return texts.t("app.status.model.loaded", file);
            case LOADING: return texts.t("app.status.model.loading", file);
            case FAILED: return texts.t("app.status.model.failed", file);
            default: return texts.t("app.status.model.missing", file);
        }
    }

    static String dataText(Texts texts, DatasetService d) {
        switch (d.status().get()) {
            case AVAILABLE: return texts.t("app.status.data.ready");
            case DOWNLOADING: return texts.t("app.status.data.downloading");
            default: return texts.t("app.status.data.missing");
        }
    }

    private static Label chip(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("status-chip");
        return l;
    }

    private static void mark(Label l, boolean ok, boolean warn) {
        l.pseudoClassStateChanged(OK, ok);
        l.pseudoClassStateChanged(WARN, warn);
    }
}
