package dev.quantlab.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.i18n.Texts;
import java.util.Locale;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Typed spinner values are taken on Enter and on focus loss; invalid ones revert and the tooltip says why. */
@ExtendWith(ApplicationExtension.class)
class SpinnersTest {
    private final SimpleObjectProperty<Integer> bits = new SimpleObjectProperty<>(2);
    private final SimpleObjectProperty<Double> threshold = new SimpleObjectProperty<>(0.5);
    private Spinner<Integer> bitsSpinner;
    private Spinner<Double> thresholdSpinner;
    private Button elsewhere;

    @Start
    void start(Stage stage) {
        elsewhere = new Button("elsewhere");
        Texts en = Texts.of(Locale.ENGLISH);
        bitsSpinner = Spinners.integer(en, 1, 8, bits);
        thresholdSpinner = Spinners.decimal(en, 0.0, 10.0, 0.1, threshold);
        stage.setScene(new Scene(new VBox(8, bitsSpinner, thresholdSpinner, elsewhere), 300, 200));
        stage.show();
    }

    private void type(FxRobot robot, Spinner<?> s, String text) {
        robot.clickOn(s.getEditor());
        robot.interact(() -> s.getEditor().selectAll());
        robot.write(text);
    }

    @Test
    void aValueTypedIsTakenOnEnterAndOnFocusLoss(FxRobot robot) {
        type(robot, bitsSpinner, "5");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, bits.get());

        type(robot, thresholdSpinner, "1.25");
        robot.clickOn(elsewhere); // no Enter: leaving the field commits
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.25, threshold.get(), 1e-12);
    }

    @Test
    void invalidTextRevertsAndTheTooltipSaysWhy(FxRobot robot) {
        type(robot, bitsSpinner, "abc");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, bits.get());
        assertEquals("2", bitsSpinner.getEditor().getText());
        assertEquals("“abc” is not a value from 1 to 8: kept 2.", bitsSpinner.getTooltip().getText());
        assertTrue(bitsSpinner.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("invalid")));

        type(robot, bitsSpinner, "12");
        robot.clickOn(elsewhere);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, bits.get(), "out of range: not clamped, not taken");
        assertEquals("“12” is not a value from 1 to 8: kept 2.", bitsSpinner.getTooltip().getText());

        type(robot, bitsSpinner, "3");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, bits.get());
        assertTrue(bitsSpinner.getPseudoClassStates().stream().noneMatch(p -> p.getPseudoClassName().equals("invalid")));
    }
}
