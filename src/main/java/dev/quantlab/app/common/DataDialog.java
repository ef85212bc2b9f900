package dev.quantlab.app.common;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.jobs.Job;
import dev.quantlab.app.services.DatasetService;
import java.io.File;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * Explains how to get CIFAR-10: download it (with a progress bar and a cancel button) or choose a folder that
 * already holds the binary or Python version. Closes itself once the data is there.
 */
final class DataDialog extends Dialog<Void> {
    private final DatasetService data;
    private final Label message = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Label progressText = new Label();
    private final Texts texts;
    private final Button download;
    private final Button choose;
    private final Button cancel;
    private Job<Path> job;

    DataDialog(Window owner, DatasetService data, Texts texts) {
        this.data = data;
        this.texts = texts;
        download = new Button(texts.t("app.data.dialog.download"));
        choose = new Button(texts.t("app.data.dialog.choose"));
        cancel = new Button(texts.t("app.data.dialog.cancel"));
        initOwner(owner);
        setTitle(texts.t("app.data.dialog.title"));
        setHeaderText(texts.t("app.data.dialog.header"));
        message.setWrapText(true);
        message.setText(data.message().get());
        Label how = new Label(texts.t("app.data.dialog.how", data.root().get().toAbsolutePath().toString()));
        how.setWrapText(true);
        download.getStyleClass().add("accent");
        download.setOnAction(e -> startDownload());
        choose.setOnAction(e -> chooseFolder());
        cancel.setOnAction(e -> {
            if (job != null) {
                job.cancel();
            }
        });
        progress.setMaxWidth(Double.MAX_VALUE);
        showProgress(false);
        VBox box = new VBox(10, how, message, new HBox(8, download, choose), progress, progressText, cancel);
        box.setPrefWidth(520);
        box.getStyleClass().add("dialog-body");
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().add(new ButtonType(texts.t("app.dialog.close"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        Theme.apply(getDialogPane(), texts.locale());
        data.status().addListener((o, a, s) -> {
            message.setText(data.message().get());
            if (s == DatasetService.Status.AVAILABLE) {
                close();
            }
        });
    }

    private void startDownload() {
        job = data.download();
        progress.progressProperty().bind(job.progressProperty());
        progressText.textProperty().bind(job.messageProperty());
        showProgress(true);
        job.runningProperty().addListener((o, was, running) -> showProgress(running));
    }

    private void showProgress(boolean on) {
        progress.setVisible(on);
        progress.setManaged(on);
        progressText.setVisible(on);
        progressText.setManaged(on);
        cancel.setVisible(on);
        cancel.setManaged(on);
        download.setDisable(on);
        choose.setDisable(on);
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(texts.t("app.data.dialog.chooserTitle"));
        File dir = chooser.showDialog(getOwner());
        if (dir != null && !data.chooseFolder(dir.toPath())) {
            message.setText(data.message().get());
        }
    }
}
