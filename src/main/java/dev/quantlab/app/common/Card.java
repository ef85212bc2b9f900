package dev.quantlab.app.common;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A titled white panel; the body grows to fill it. Optional nodes sit right of the title. */
public final class Card extends VBox {
    public Card(String title, Node body, Node... titleExtras) {
        getStyleClass().add("card");
        Label t = new Label(title);
        t.getStyleClass().add("card-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, t, spacer);
        head.getChildren().addAll(titleExtras);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(head, body);
        setMinSize(0, 0);
    }
}
