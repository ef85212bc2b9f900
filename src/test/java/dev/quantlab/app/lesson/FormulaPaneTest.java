package dev.quantlab.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A lesson formula wraps only between terms ("= 35.20 MiB" stays whole) or is scaled to the pane. */
@ExtendWith(ApplicationExtension.class)
class FormulaPaneTest {
    private static final String SIZE = "9{,}228{,}362 \\times 4 \\text{ bytes} = 35.20 \\text{ MiB}";
    private final StackPane root = new StackPane();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(root, 600, 300));
        stage.show();
    }

    private static String text(TextFlow flow) {
        return flow.getChildren().stream().map(n -> ((Text) n).getText()).collect(Collectors.joining());
    }

    @Test
    void termsStartAtRelationsAndKeepTheirSpaces() {
        List<List<Text>> terms = MathView.renderTerms(SIZE, 16);
        List<String> texts = terms.stream().map(t -> t.stream().map(Text::getText).collect(Collectors.joining()))
                .toList();
        assertEquals(2, texts.size(), texts.toString());
        assertTrue(texts.get(0).contains("×") && texts.get(0).contains("bytes"), texts.toString());
        assertTrue(texts.get(1).startsWith("=") && texts.get(1).matches(".*35\\.20\u00A0+MiB.*"), texts.toString());
        assertTrue(texts.stream().noneMatch(t -> t.contains(" ")), "no breakable space inside a term: " + texts);
        // a relation inside brackets belongs to its group
        List<List<Text>> gradient = MathView.renderTerms(
                "\\partial L / \\partial c_k = \\sum_j \\partial L / \\partial W_j \\cdot \\mathbf{1}(I_j = k)", 16);
        assertEquals(2, gradient.size());
        String last = gradient.get(1).stream().map(Text::getText).collect(Collectors.joining());
        assertTrue(last.startsWith("=") && last.endsWith(")"), last);
        assertEquals(2, last.chars().filter(c -> c == '=').count(), last);
        // two equations on one line may part after the \quad between them
        List<String> folded = MathView.renderTerms("f = \\gamma, \\quad W' = W \\cdot f", 16).stream()
                .map(t -> t.stream().map(Text::getText).collect(Collectors.joining())).toList();
        assertEquals(4, folded.size(), folded.toString());
        assertTrue(folded.get(1).startsWith("=") && folded.get(1).contains("\u2003"), folded.toString());
        assertTrue(folded.get(2).replace('\u00A0', ' ').strip().startsWith("W'"), folded.toString());
    }

    @Test
    void aNarrowPaneBreaksBetweenTermsNeverInsideOne(FxRobot robot) {
        FormulaPane[] pane = new FormulaPane[1];
        robot.interact(() -> {
            pane[0] = new FormulaPane(MathView.renderTerms(SIZE, 16));
            root.getChildren().setAll(pane[0]);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<TextFlow> terms = pane[0].terms();
        double oneLine = terms.get(1).getBoundsInParent().getHeight();
        Bounds first = terms.get(0).localToScene(terms.get(0).getBoundsInLocal());
        Bounds second = terms.get(1).localToScene(terms.get(1).getBoundsInLocal());
        assertEquals(first.getMinY(), second.getMinY(), oneLine / 2, "wide: one line");

        robot.interact(() -> {
            stage.setMinWidth(0); // TestFX reuses one stage: an earlier test may have set a minimum width
            stage.setWidth(150);
        });
        WaitForAsyncUtils.waitForFxEvents();
        first = terms.get(0).localToScene(terms.get(0).getBoundsInLocal());
        second = terms.get(1).localToScene(terms.get(1).getBoundsInLocal());
        assertTrue(second.getMinY() >= first.getMaxY() - 1, "narrow: the second term on the next line");
        assertTrue(text(terms.get(1)).matches(".*35\\.20\u00A0+MiB.*"), text(terms.get(1)));
        for (TextFlow t : terms) {
            Bounds b = t.localToScene(t.getBoundsInLocal());
            assertTrue(b.getHeight() <= oneLine * 1.2, "a term is never broken: " + text(t) + " " + b);
            assertTrue(b.getMaxX() <= stage.getScene().getWidth() + 1, "and fits the pane: " + text(t) + " " + b);
        }
    }
}
