package dev.quantlab.app.lesson;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** Renders a {@link LessonPage} into a column of headings, paragraphs, lists, notes and formulas. */
public final class LessonPageView extends VBox {
    private static final double BODY_SIZE = 13.5;
    private static final double FORMULA_SIZE = 16;

    public LessonPageView() {
        getStyleClass().add("lesson-page");
        setSpacing(8);
    }

    public void show(LessonPage page) {
        getChildren().clear();
        for (Block b : LessonMarkup.parse(page.body())) {
            getChildren().add(node(b));
        }
    }

    private static Node node(Block b) {
        if (b instanceof Block.Heading h) {
            Label l = new Label(h.text());
            l.setWrapText(true);
            l.getStyleClass().add(h.level() == 1 ? "lesson-h1" : "lesson-h2");
            return l;
        }
        if (b instanceof Block.Paragraph p) {
            return flow(p.text(), "lesson-paragraph");
        }
        if (b instanceof Block.Note n) {
            return flow(n.text(), "lesson-note");
        }
        if (b instanceof Block.Formula f) {
            return new FormulaPane(MathView.renderTerms(f.tex(), FORMULA_SIZE));
        }
        Block.ItemList list = (Block.ItemList) b;
        VBox box = new VBox(4);
        box.getStyleClass().add("lesson-list");
        for (int i = 0; i < list.items().size(); i++) {
            Label marker = new Label(list.markers().get(i));
            marker.getStyleClass().add("lesson-list-marker");
            marker.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "2–3." in full
            TextFlow item = flow(list.items().get(i), "lesson-paragraph");
            HBox row = new HBox(4, marker, item);
            box.getChildren().add(row);
        }
        return box;
    }

    /** A paragraph with inline bold, italic, code and math. */
    static TextFlow flow(String text, String styleClass) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(styleClass);
        for (InlineMarkup.Span s : InlineMarkup.parse(text)) {
            if (s.style() == InlineMarkup.Style.MATH) {
                flow.getChildren().addAll(MathView.render(s.text(), BODY_SIZE + 1));
                continue;
            }
            Text t = new Text(s.text());
            t.getStyleClass().add(switch (s.style()) {
                case BOLD -> "lesson-bold";
                case ITALIC -> "lesson-italic";
                case CODE -> "lesson-code";
                default -> "lesson-text";
            });
            flow.getChildren().add(t);
        }
        return flow;
    }

    /** Plain text of every node, for tests. */
    public String plainText() {
        StringBuilder sb = new StringBuilder();
        collect(getChildren(), sb);
        return sb.toString();
    }

    private static void collect(List<Node> nodes, StringBuilder sb) {
        for (Node n : nodes) {
            if (n instanceof Text t) {
                sb.append(t.getText().replace('\u00A0', ' ')); // formulas keep their terms whole with no-break spaces
            } else if (n instanceof FormulaPane f) {
                f.terms().forEach(term -> collect(term.getChildren(), sb)); // one line, however it wraps
                sb.append('\n');
            } else if (n instanceof Label l) {
                sb.append(l.getText()).append('\n');
            } else if (n instanceof javafx.scene.Parent p) {
                collect(p.getChildrenUnmodifiable(), sb);
                sb.append('\n');
            }
        }
    }
}
