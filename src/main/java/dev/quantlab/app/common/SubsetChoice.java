package dev.quantlab.app.common;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.services.TestSubset;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;

/** Chooses how many test images an evaluation uses (100, 500, 1,000, 2,000 or all). */
public final class SubsetChoice extends ComboBox<TestSubset> {

    public SubsetChoice(Texts texts, ObjectProperty<TestSubset> selection) {
        setConverter(ChoiceNames.of(s -> s.describe(texts)));
        getItems().setAll(TestSubset.CHOICES);
        valueProperty().addListener((o, a, v) -> {
            if (v != null && !getItems().contains(v)) {
                getItems().add(v); // a size set in code (tests, settings) stays visible
            }
        });
        if (selection.get() != null && !getItems().contains(selection.get())) {
            getItems().add(selection.get());
        }
        valueProperty().bindBidirectional(selection);
        setTooltip(new Tooltip(texts.t("app.subset.tooltip")));
        getStyleClass().add("subset-choice");
        setPrefWidth(145);
    }
}
