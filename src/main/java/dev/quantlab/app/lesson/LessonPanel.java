package dev.quantlab.app.lesson;

import dev.quantlab.app.i18n.Texts;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The lesson navigator: the list of steps on top, the selected step's page below. */
public final class LessonPanel extends VBox {
    private static final double ROW_HEIGHT = 34;
    private static final double PREF_WIDTH = 360;
    private static final double MIN_WIDTH = 240;
    private final ListView<LessonPage> steps = new ListView<>();
    private final LessonPageView page = new LessonPageView();

    public LessonPanel(LessonLibrary library, Texts texts) {
        getStyleClass().add("lesson-panel");
        setPrefWidth(PREF_WIDTH);
        setMinWidth(MIN_WIDTH);
        Label header = new Label(texts.t("app.lesson.header"));
        header.getStyleClass().add("panel-title");
        steps.setId("lessonSteps");
        steps.getItems().setAll(library.pages());
        steps.setFixedCellSize(ROW_HEIGHT);
        steps.setPrefHeight(ROW_HEIGHT * library.pages().size() + 6);
        steps.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        steps.setCellFactory(v -> new StepCell());
        steps.getStyleClass().add("lesson-steps");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setId("lessonPage");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("lesson-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(header, steps, scroll);
        steps.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) {
                page.show(p);
                scroll.setVvalue(0);
            }
        });
        if (!library.pages().isEmpty()) {
            steps.getSelectionModel().select(0);
        }
    }

    public ReadOnlyObjectProperty<LessonPage> selectedPage() {
        return steps.getSelectionModel().selectedItemProperty();
    }

    public void select(LessonPage p) {
        steps.getSelectionModel().select(p);
    }

    public LessonPageView pageView() {
        return page;
    }

    private static final class StepCell extends ListCell<LessonPage> {
        private final Label step = new Label();
        private final Label title = new Label();
        private final javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(8, step, title);

        StepCell() {
            step.getStyleClass().add("step-badge");
            step.setMinWidth(34);
            title.getStyleClass().add("step-title");
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(LessonPage p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            step.setText(p.step().isEmpty() ? "i" : p.step());
            title.setText(p.title());
            setText(null);
            setGraphic(box);
        }
    }
}
