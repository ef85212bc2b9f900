package dev.quantlab.app.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.quantlab.app.TestWeights;
import dev.quantlab.app.TestWindow;
import dev.quantlab.app.i18n.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Switching to Traditional Chinese rebuilds the Linear and Integer tabs at once: their titles and every visible
 * text change. The check cannot pass on the English fallback: no visible text may be an English text of these
 * tabs that has its own translation, and Chinese texts must be shown.
 */
@ExtendWith(ApplicationExtension.class)
class LinearLanguageTest {
    @TempDir
    static Path home;
    private TestWindow app;

    @Start
    void start(Stage stage) {
        app = new TestWindow(stage, TestWeights.file(), home.resolve("no-data"), home);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> app.window.switchLanguage(Locale.ENGLISH));
        robot.interact(app::close);
    }

    @Test
    void linearAndIntegerSwitchToChineseAtOnce(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        Set<String> english = translatedEnglish();
        for (String id : List.of(LinearTab.ID, "integer")) {
            robot.interact(() -> app.window.select(id));
            WaitForAsyncUtils.waitForFxEvents();
            List<String> before = texts(app.window.tab(id).orElseThrow().content());
            assertTrue(before.stream().anyMatch(english::contains), id + ": English texts before the switch");
        }
        String linearTitle = app.window.tab(LinearTab.ID).orElseThrow().title();
        String integerTitle = app.window.tab("integer").orElseThrow().title();
        robot.interact(() -> app.window.switchLanguage(Locale.TRADITIONAL_CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        Texts zh = Texts.of(Locale.TRADITIONAL_CHINESE);
        assertEquals(zh.t("linear.tab"), app.window.tab(LinearTab.ID).orElseThrow().title());
        assertEquals(zh.t("integer.tab"), app.window.tab("integer").orElseThrow().title());
        assertNotEquals(linearTitle, zh.t("linear.tab"));
        assertNotEquals(integerTitle, zh.t("integer.tab"));
        for (String id : List.of(LinearTab.ID, "integer")) {
            robot.interact(() -> app.window.select(id));
            WaitForAsyncUtils.waitForFxEvents();
            List<String> after = texts(app.window.tab(id).orElseThrow().content());
            List<String> stillEnglish = after.stream().filter(english::contains).toList();
            assertTrue(stillEnglish.isEmpty(), id + ": still English after the switch: " + stillEnglish);
            long chinese = after.stream().filter(s -> s.codePoints()
                    .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)).count();
            assertTrue(chinese >= 15, id + ": only " + chinese + " Chinese texts in " + after);
            assertTrue(after.stream().noneMatch(s -> s.startsWith("!") && s.endsWith("!")), after.toString());
        }
    }

    /** The English texts of these tabs (without arguments) whose Chinese text differs. */
    private static Set<String> translatedEnglish() throws IOException {
        Properties en = load("");
        Properties zh = load("_zh_TW");
        return en.stringPropertyNames().stream()
                .filter(k -> k.startsWith("linear.") || k.startsWith("integer."))
                .filter(k -> zh.containsKey(k) && !zh.getProperty(k).equals(en.getProperty(k)))
                .map(en::getProperty).filter(v -> !v.contains("{")).collect(Collectors.toSet());
    }

    private static Properties load(String suffix) throws IOException {
        Properties all = new Properties();
        for (String area : List.of("linear", "integer")) {
            try (InputStream in = LinearLanguageTest.class.getResourceAsStream("/i18n/" + area + suffix
                    + ".properties")) {
                all.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return all;
    }

    /** Every text a node tree shows: labels, buttons, tooltips, menu items, tab titles, column headers. */
    private static List<String> texts(Node root) {
        List<String> out = new ArrayList<>();
        walk(root, out);
        out.removeIf(s -> s == null || s.isBlank());
        return out;
    }

    private static void walk(Node node, List<String> out) {
        if (node instanceof Labeled l) {
            out.add(l.getText());
        }
        if (node instanceof Control c && c.getTooltip() != null) {
            out.add(c.getTooltip().getText());
        }
        if (node instanceof MenuButton mb) {
            mb.getItems().forEach(i -> out.add(i.getText()));
        }
        if (node instanceof TabPane tabs) {
            tabs.getTabs().forEach(t -> {
                out.add(t.getText());
                walk(t.getContent(), out);
            });
        }
        if (node instanceof TableView<?> table) {
            table.getColumns().forEach(c -> out.add(c.getText()));
            walk(table.getPlaceholder(), out);
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(n -> walk(n, out));
        }
    }
}
