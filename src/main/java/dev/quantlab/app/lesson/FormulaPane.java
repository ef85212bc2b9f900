package dev.quantlab.app.lesson;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.layout.FlowPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A display formula that wraps only between its terms ({@link MathView#renderTerms}): each term is one unbroken
 * line; a term wider than the pane alone is scaled down to fit it, never cut or broken inside.
 */
final class FormulaPane extends FlowPane {
    FormulaPane(List<List<Text>> terms) {
        getStyleClass().add("lesson-formula-box");
        setAlignment(Pos.CENTER_LEFT);
        setRowValignment(javafx.geometry.VPos.BASELINE);
        setMinWidth(0); // narrower than a term: the term is scaled down instead
        for (List<Text> term : terms) {
            TextFlow line = new TextFlow();
            line.getChildren().addAll(term);
            line.getStyleClass().add("lesson-formula");
            line.setMinWidth(USE_PREF_SIZE);
            line.setMaxWidth(USE_PREF_SIZE);
            getChildren().add(new Group(line));
        }
        widthProperty().addListener((o, a, w) -> fit(w.doubleValue()));
    }

    /** Scales each term that is wider than {@code width} down to it (and the others back to full size). */
    private void fit(double width) {
        double room = width - snappedLeftInset() - snappedRightInset();
        for (var child : getChildren()) {
            TextFlow line = (TextFlow) ((Group) child).getChildren().get(0);
            double natural = line.prefWidth(-1);
            double scale = room > 0 && natural > room ? room / natural : 1;
            line.setScaleX(scale);
            line.setScaleY(scale);
        }
    }

    /** The terms as laid out (tests). */
    List<TextFlow> terms() {
        return getChildren().stream().map(c -> (TextFlow) ((Group) c).getChildren().get(0)).toList();
    }
}
