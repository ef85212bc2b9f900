package dev.quantlab.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The JavaFX application: a window titled QuantLab around the lesson tabs. */
public class QuantLabApp extends Application {
    public static final String TITLE = "QuantLab";

    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane();
        TabPane tabs = new TabPane();
        tabs.setId("lessonTabs");
        root.setCenter(tabs);
        stage.setTitle(TITLE);
        stage.setScene(new Scene(root, 1200, 800));
        stage.show();
        SnapshotMode.fromParameters(getParameters() == null ? java.util.Map.of() : getParameters().getNamed()).ifPresent(s -> s.capture(stage, Platform::exit));
    }
}
