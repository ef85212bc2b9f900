package dev.quantlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.quantlab.app.baseline.BaselineTab;
import dev.quantlab.app.common.LessonTab;
import dev.quantlab.app.export.Figure;
import dev.quantlab.app.kmeans.KMeansTab;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The View ▸ Language menu switches every text of the window, keeping the model, the tabs' state and the tab. */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("![A-Za-z][\\w.-]*!");
    @TempDir
    static Path home;
    private TestWindow app;
    private final List<Locale> announced = new ArrayList<>();

    @Start
    void start(Stage stage) {
        app = new TestWindow(stage, TestWeights.file(), home.resolve("no-data"), home);
        app.window.setOnLanguageChanged(announced::add);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            app.close();
        });
    }

    private void choose(FxRobot robot, Locale l) {
        robot.interact(() -> menuItem("language-" + l.toLanguageTag()).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private MenuItem menuItem(String id) {
        List<MenuItem> all = new ArrayList<>();
        for (Menu m : app.window.menuBar().getMenus()) {
            collect(m, all);
        }
        return all.stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    private static void collect(MenuItem item, List<MenuItem> out) {
        out.add(item);
        if (item instanceof Menu m) {
            m.getItems().forEach(i -> collect(i, out));
        }
    }

    private List<String> tabTitles() {
        return app.window.tabPane().getTabs().stream().map(Tab::getText).toList();
    }

    private static String text(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return ((Labeled) n).getText();
    }

    @Test
    void switchingToChineseAndBackChangesTheTextsAndKeepsTheState(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        KMeansTab kmeans = (KMeansTab) app.window.tab(KMeansTab.ID).orElseThrow();
        BaselineTab baseline = (BaselineTab) app.window.tab(BaselineTab.ID).orElseThrow();
        robot.interact(() -> {
            app.window.select(KMeansTab.ID);
            robot.lookup("#bitsSlider").queryAs(Slider.class).setValue(6);
        });
        Node kmeansViewBefore = kmeans.content();
        assertEquals(List.of("Baseline", "K-Means"), tabTitles().subList(0, 2));
        assertEquals("Evaluate", text(robot, "#evaluateButton"));
        assertEquals("Quantize at 6 bits", text(robot, "#quantizeButton"));

        choose(robot, Locale.TRADITIONAL_CHINESE);
        assertEquals(Locale.TRADITIONAL_CHINESE, app.services.language().locale());
        assertEquals(List.of(Locale.TRADITIONAL_CHINESE), announced);
        assertEquals(List.of("基準模型", "K-Means"), tabTitles().subList(0, 2));
        assertEquals("評估", text(robot, "#evaluateButton"));
        assertEquals("以 6 位元量化", text(robot, "#quantizeButton"));
        assertEquals("模型：vgg-init.safetensors", text(robot, "#modelStatus"));
        assertEquals("CIFAR-10：找不到", text(robot, "#dataStatus"));
        assertEquals("zh-TW", app.window.library().language());
        assertEquals("為什麼要量化？", app.window.lessonPanel().selectedPage().get() == null ? ""
                : app.window.library().pages().get(0).title());
        assertEquals("檔案", app.window.menuBar().getMenus().get(0).getText());
        // same tab, same view models and model; a new view
        assertEquals(KMeansTab.ID, app.window.selectedTabId());
        assertEquals("kmeans", app.window.lessonPanel().selectedPage().get().tab());
        assertSame(baseline, app.window.tab(BaselineTab.ID).orElseThrow());
        assertNotSame(kmeansViewBefore, kmeans.content());
        assertEquals(6, robot.lookup("#bitsSlider").queryAs(Slider.class).getValue(), 1e-9);
        assertTrue(app.services.model().isLoaded());

        choose(robot, Locale.ENGLISH);
        assertEquals(List.of(Locale.TRADITIONAL_CHINESE, Locale.ENGLISH), announced);
        assertEquals(List.of("Baseline", "K-Means"), tabTitles().subList(0, 2));
        assertEquals("Evaluate", text(robot, "#evaluateButton"));
        assertEquals("Quantize at 6 bits", text(robot, "#quantizeButton"));
        assertEquals("Model: vgg-init.safetensors", text(robot, "#modelStatus"));
        assertEquals("Why quantize?", app.window.library().pages().get(0).title());
        assertEquals(KMeansTab.ID, app.window.selectedTabId());
    }

    @Test
    void noTextIsAMissingKeyInEitherLanguage(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> app.window.tabs().stream().allMatch(t -> t.contentReady().get()));
        for (Locale l : List.of(Locale.TRADITIONAL_CHINESE, Locale.ENGLISH, Locale.TRADITIONAL_CHINESE)) {
            choose(robot, l);
            List<String> texts = WaitForAsyncUtils.asyncFx(this::allTexts).get(10, TimeUnit.SECONDS);
            List<String> bad = texts.stream().filter(t -> PLACEHOLDER.matcher(t).find()).toList();
            assertTrue(bad.isEmpty(), l + ": missing keys shown: " + bad);
            assertTrue(texts.size() > 40, "walked too few texts: " + texts.size());
            if (l.equals(Locale.TRADITIONAL_CHINESE)) {
                assertTrue(texts.contains("評估"), "no Chinese button text found");
            }
        }
    }

    private List<String> allTexts() {
        List<String> out = new ArrayList<>();
        walk(app.window.root(), out);
        for (Tab tab : app.window.tabPane().getTabs()) {
            out.add(tab.getText());
            walk(tab.getContent(), out);
        }
        for (Menu m : app.window.menuBar().getMenus()) {
            List<MenuItem> items = new ArrayList<>();
            collect(m, items);
            items.forEach(i -> out.add(i.getText()));
        }
        for (LessonTab t : app.window.tabs()) {
            for (Figure f : t.figures().figures()) {
                chartTexts(f.chart(), out);
            }
        }
        out.removeIf(s -> s == null || s.isEmpty());
        return out;
    }

    private static void walk(Node node, List<String> out) {
        if (node == null) {
            return;
        }
        if (node instanceof Labeled l) {
            out.add(l.getText());
        }
        if (node instanceof Text t) {
            out.add(t.getText());
        }
        if (node instanceof Control c && c.getTooltip() != null) {
            out.add(c.getTooltip().getText());
        }
        if (node instanceof MenuButton mb) {
            mb.getItems().forEach(i -> out.add(i.getText()));
        }
        if (node instanceof Control c && c.getContextMenu() != null) {
            c.getContextMenu().getItems().forEach(i -> out.add(i.getText()));
        }
        if (node instanceof TableView<?> table) {
            table.getColumns().forEach(col -> columns(col, out));
            walk(table.getPlaceholder(), out);
        }
        if (node instanceof ComboBox<?> box) {
            box.getItems().forEach(i -> out.add(String.valueOf(i)));
        }
        if (node instanceof ListView<?> list) {
            list.getItems().forEach(i -> out.add(String.valueOf(i)));
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(n -> walk(n, out));
        }
    }

    private static void columns(TableColumnBase<?, ?> col, List<String> out) {
        out.add(col.getText());
        col.getColumns().forEach(c -> columns(c, out));
    }

    private static void chartTexts(JFreeChart chart, List<String> out) {
        if (chart.getTitle() != null) {
            out.add(chart.getTitle().getText());
        }
        Plot plot = chart.getPlot();
        out.add(plot.getNoDataMessage());
        if (plot instanceof XYPlot xy) {
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                out.add(xy.getDomainAxis(i) == null ? null : xy.getDomainAxis(i).getLabel());
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                out.add(xy.getRangeAxis(i) == null ? null : xy.getRangeAxis(i).getLabel());
            }
        } else if (plot instanceof CategoryPlot cp) {
            out.add(cp.getDomainAxis() == null ? null : cp.getDomainAxis().getLabel());
            out.add(cp.getRangeAxis() == null ? null : cp.getRangeAxis().getLabel());
        }
    }

    @Test
    void theLanguageMenuListsBothLanguagesInTheirOwnScript(FxRobot robot) {
        assertEquals("English", menuItem("language-en").getText());
        assertEquals("繁體中文", menuItem("language-zh-TW").getText());
        Label header = robot.lookup(".panel-title").queryAs(Label.class);
        assertEquals("Lesson", header.getText());
        choose(robot, Locale.TRADITIONAL_CHINESE);
        assertEquals("English", menuItem("language-en").getText());
        assertEquals("課程", robot.lookup(".panel-title").queryAs(Label.class).getText());
        Button exportAll = robot.lookup("#exportAll").queryAs(Button.class);
        assertEquals("匯出所有圖表…", exportAll.getText());
    }
}
