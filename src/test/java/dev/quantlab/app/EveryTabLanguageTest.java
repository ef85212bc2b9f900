package dev.quantlab.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.common.LessonTab;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.model.VggArchitecture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
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
 * Switching to Traditional Chinese changes the visible texts of EVERY tab at once: its title, labels, buttons and
 * column headers. No text shows an untranslated key ({@code !key!}), and none stays in English: a zh-TW text equal
 * to an English one with an English word in it fails, unless the two bundles give that very text in both languages
 * (names such as "K-Means"). So the check cannot pass on the English fallback of a missing translation.
 */
@ExtendWith(ApplicationExtension.class)
class EveryTabLanguageTest {
    private static final Pattern KEY = Pattern.compile("![a-zA-Z][\\w.]*!");
    private static final Pattern ENGLISH_WORD = Pattern.compile("(?<![\\w.-])[A-Za-z][a-z]{3,}(?![\\w.-])");
    @TempDir
    Path home;
    private TestWindow app;

    @Start
    void start(Stage stage) {
        app = new TestWindow(stage, TestWeights.file(), home.resolve("no-data"), home);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> app.close());
    }

    @Test
    void everyTabSwitchesAllItsTexts(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        Map<String, Set<String>> english = texts(robot);
        robot.interact(() -> app.window.switchLanguage(Locale.TRADITIONAL_CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, Set<String>> chinese = texts(robot);
        Set<String> same = sameInBothLanguages();

        List<String> problems = new ArrayList<>();
        for (String tab : english.keySet()) {
            for (String t : english.get(tab)) {
                if (KEY.matcher(t).find()) {
                    problems.add(tab + " (en): untranslated key in \"" + t + "\"");
                }
            }
            for (String t : chinese.get(tab)) {
                if (KEY.matcher(t).find()) {
                    problems.add(tab + " (zh-TW): untranslated key in \"" + t + "\"");
                } else if (english.get(tab).contains(t) && ENGLISH_WORD.matcher(t).find() && !same.contains(t)) {
                    problems.add(tab + " (zh-TW): still English: \"" + t + "\"");
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " texts do not follow the language:\n  "
                + String.join("\n  ", problems));
    }

    /** The visible texts of each tab (title first), after selecting it. */
    private Map<String, Set<String>> texts(FxRobot robot) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (LessonTab t : app.window.tabs()) {
            robot.interact(() -> app.window.select(t.id()));
            WaitForAsyncUtils.waitForFxEvents();
            Set<String> texts = new LinkedHashSet<>();
            robot.interact(() -> {
                Tab tab = app.window.tabPane().getSelectionModel().getSelectedItem();
                texts.add(tab.getText());
                collect(tab.getContent(), texts);
            });
            out.put(t.id(), texts);
        }
        return out;
    }

    private static void collect(Node n, Set<String> out) {
        if (n == null || !n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l) {
            add(out, l.getText());
        } else if (n instanceof Text t) {
            add(out, t.getText());
        } else if (n instanceof TextInputControl c) {
            add(out, c.getPromptText());
        }
        if (n instanceof ComboBox<?> c && c.getValue() != null) {
            add(out, shown(c));
        }
        if (n instanceof TableView<?> t) {
            t.getColumns().forEach(c -> collectColumn(c, out));
            if (t.getItems().isEmpty() && t.getPlaceholder() != null) {
                collect(t.getPlaceholder(), out);
            }
        }
        if (n instanceof ScrollPane s) {
            collect(s.getContent(), out);
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    /** The value as the combo box shows it (its converter, else toString). */
    private static <T> String shown(ComboBox<T> c) {
        return c.getConverter() != null ? c.getConverter().toString(c.getValue()) : c.getValue().toString();
    }

    private static void collectColumn(TableColumnBase<?, ?> c, Set<String> out) {
        add(out, c.getText());
        c.getColumns().forEach(child -> collectColumn(child, out));
    }

    private static void add(Set<String> out, String s) {
        if (s != null && !s.isBlank()) {
            out.add(s.strip());
        }
    }

    /** Texts that the English and the Chinese bundles give alike (names, units): they may stay as they are. */
    private static Set<String> sameInBothLanguages() throws IOException {
        Set<String> same = new HashSet<>();
        for (String area : Texts.AREAS) {
            Properties en = load("i18n/" + area + ".properties");
            Properties zh = load("i18n/" + area + "_zh_TW.properties");
            for (String k : en.stringPropertyNames()) {
                if (en.getProperty(k).equals(zh.getProperty(k))) {
                    same.add(en.getProperty(k).strip());
                }
            }
        }
        // the model's own layer names (conv0, classifier) are identifiers, the same in every language
        for (VggArchitecture.TensorSpec t : VggArchitecture.cifarVgg().weightMatrices()) {
            String[] parts = t.name().split("\\.");
            same.add(parts[parts.length - 2]);
        }
        return same;
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = EveryTabLanguageTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return p;
    }
}
