package dev.quantlab.app.lesson;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** Sets formula atoms as JavaFX {@link Text} nodes: serif, smaller and shifted for scripts. */
public final class MathView {
    private static final String FAMILY = "Serif";
    private static final double SCRIPT_SCALE = 0.72;

    private MathView() { }

    /** Text nodes for {@code tex} at {@code size} points, ready to go into a TextFlow. */
    public static List<Text> render(String tex, double size) {
        List<Text> out = new ArrayList<>();
        for (MathAtom a : MathParser.parse(tex).atoms()) {
            double s = size * Math.pow(SCRIPT_SCALE, a.level());
            Text t = new Text(a.text());
            t.setFont(Font.font(FAMILY, a.style() == MathAtom.Style.BOLD ? FontWeight.BOLD : FontWeight.NORMAL,
                    a.style() == MathAtom.Style.ITALIC ? FontPosture.ITALIC : FontPosture.REGULAR, s));
            t.setTranslateY(-a.rise() * size);
            t.getStyleClass().add("math");
            out.add(t);
        }
        return out;
    }
}
