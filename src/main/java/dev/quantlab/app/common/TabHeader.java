package dev.quantlab.app.common;

import dev.quantlab.app.i18n.Texts;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The top of a tab: the step badge, a title, one line of explanation and the "export all figures" button. */
public final class TabHeader extends HBox {
    private final Button exportAll;

    public TabHeader(Texts texts, String step, String title, String subtitle) {
        exportAll = new Button(texts.t("app.tab.exportAll"));
        getStyleClass().add("tab-header");
        Label badge = new Label(step);
        badge.getStyleClass().add("step-badge-large");
        Label t = new Label(title);
        t.getStyleClass().add("tab-title");
        Label s = new Label(subtitle);
        s.getStyleClass().add("tab-subtitle");
        s.setWrapText(true);
        s.setTooltip(new Tooltip(subtitle)); // when the tab is too short for all of it
        VBox text = new VBox(2, t, s);
        HBox.setHgrow(text, Priority.ALWAYS);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        exportAll.getStyleClass().add("secondary");
        exportAll.setId("exportAll");
        Ui.noShrink(badge, exportAll);
        setSpacing(12);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(badge, text, spacer, exportAll);
    }

    public Button exportAllButton() {
        return exportAll;
    }
}
