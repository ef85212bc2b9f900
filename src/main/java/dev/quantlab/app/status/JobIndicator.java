package dev.quantlab.app.status;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.jobs.Job;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** The newest running job in the status bar: its message, progress and a cancel button, plus "+N more". */
final class JobIndicator extends HBox {
    private final ObservableList<Job<?>> running;
    private final Label title = new Label();
    private final ProgressBar bar = new ProgressBar();
    private final Texts texts;
    private final Button cancel;
    private final Label more = new Label();
    private final ListChangeListener<Job<?>> onChange = c -> update();
    private Job<?> shown;

    JobIndicator(ObservableList<Job<?>> running, Texts texts) {
        this.running = running;
        this.texts = texts;
        this.cancel = new Button(texts.t("app.status.cancelJob"));
        setId("jobIndicator");
        getStyleClass().add("job-indicator");
        setSpacing(8);
        setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        title.getStyleClass().add("job-title");
        title.setMaxWidth(380);
        bar.setPrefWidth(140);
        cancel.setId("cancelJob");
        cancel.getStyleClass().add("small");
        cancel.setOnAction(e -> {
            if (shown != null) {
                shown.cancel();
            }
        });
        more.getStyleClass().add("muted");
        getChildren().addAll(title, bar, cancel, more);
        running.addListener(onChange);
        update();
    }

    /** Stops following the job list (the status bar is being replaced). */
    void dispose() {
        running.removeListener(onChange);
        title.textProperty().unbind();
        bar.progressProperty().unbind();
    }

    private void update() {
        boolean any = !running.isEmpty();
        setVisible(any);
        setManaged(any);
        title.textProperty().unbind();
        bar.progressProperty().unbind();
        shown = any ? running.get(running.size() - 1) : null;
        if (shown != null) {
            title.textProperty().bind(shown.messageProperty());
            Tooltip tip = new Tooltip();
            // the title, and the message too, which the label may cut off
            tip.textProperty().bind(shown.messageProperty().map(m -> shown.getTitle() + "\n" + m));
            title.setTooltip(tip);
            bar.progressProperty().bind(shown.progressProperty());
        }
        more.setText(running.size() > 1 ? texts.t("app.status.moreJobs", Integer.toString(running.size() - 1)) : "");
    }
}
