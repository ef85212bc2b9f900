package dev.quantlab.app.common;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.services.ModelService;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A yellow notice with one action, shown only while {@code visible} holds (e.g. "no model: Open model…"). */
public final class Banner extends HBox {
    /** The notice shown while no model is loaded, with a button that opens a weights file. */
    public static Banner missingModel(Texts texts, ModelService model, Prompts prompts) {
        return new Banner(model.message(), model.unavailable(), texts.t("app.banner.openModel"), prompts::openModelFile);
    }

    public Banner(ObservableStringValue text, ObservableBooleanValue visible, String action, Runnable onAction) {
        getStyleClass().add("banner");
        Label l = new Label();
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(l, Priority.ALWAYS);
        l.setMaxWidth(Double.MAX_VALUE);
        Button b = new Button(action);
        b.setOnAction(e -> onAction.run());
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        setSpacing(12);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(l, b);
        visibleProperty().bind(visible);
        managedProperty().bind(visible);
    }
}
