package dev.quantlab.app;

import dev.quantlab.app.lesson.LessonLibrary;
import dev.quantlab.app.lesson.LessonPage;
import dev.quantlab.app.lesson.LessonPanel;
import dev.quantlab.app.status.StatusBarView;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;

/**
 * The main window's content: a menu bar, the lesson navigator beside the tabs, and the status bar. Selecting
 * a lesson step selects its tab and the other way round. Tabs come from {@link LessonTabs}.
 */
public final class MainWindow {
    public static final String TABS_ID = "lessonTabs";
    private static final double LESSON_SHARE = 0.27;

    private final TabContext ctx;
    private final BorderPane root = new BorderPane();
    private final TabPane tabPane = new TabPane();
    private final List<LessonTab> tabs;
    private final LessonPanel lessons;
    private final LessonLibrary library;

    public MainWindow(TabContext ctx, LessonLibrary library, Runnable quit) {
        this.ctx = ctx;
        this.library = library;
        this.tabs = LessonTabs.create(ctx);
        this.lessons = new LessonPanel(library);
        root.getStyleClass().add("main-window");
        tabPane.setId(TABS_ID);
        tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (LessonTab t : tabs) {
            Tab tab = new Tab(t.title(), t.content());
            tab.setId(t.id());
            tab.setUserData(t);
            tabPane.getTabs().add(tab);
        }
        SplitPane split = new SplitPane(lessons, tabPane);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(LESSON_SHARE);
        SplitPane.setResizableWithParent(lessons, false);
        root.setTop(menuBar(quit));
        root.setCenter(split);
        root.setBottom(new StatusBarView(ctx.services()).node());
        linkLessonsAndTabs();
    }

    private void linkLessonsAndTabs() {
        lessons.selectedPage().addListener((o, a, page) -> {
            if (page != null && page.hasTab()) {
                select(page.tab());
            }
        });
        tabPane.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> {
            LessonPage current = lessons.selectedPage().get();
            if (tab != null && (current == null || !tab.getId().equals(current.tab()))) {
                library.forTab(tab.getId()).ifPresent(lessons::select);
            }
        });
    }

    private MenuBar menuBar(Runnable quit) {
        MenuItem openModel = new MenuItem("Open model…");
        openModel.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        openModel.setOnAction(e -> ctx.prompts().openModelFile());
        MenuItem data = new MenuItem("CIFAR-10 data…");
        data.setOnAction(e -> ctx.prompts().needData());
        MenuItem exportAll = new MenuItem("Export all figures of this tab…");
        exportAll.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        exportAll.setOnAction(e -> currentTab().ifPresent(t -> ctx.export().exportAll(t::figures)));
        MenuItem exit = new MenuItem("Quit");
        exit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        exit.setOnAction(e -> quit.run());
        Menu file = new Menu("File", null, openModel, data, new SeparatorMenuItem(), exportAll,
                new SeparatorMenuItem(), exit);
        MenuBar bar = new MenuBar(file);
        bar.setId("menuBar");
        return bar;
    }

    public Parent root() {
        return root;
    }

    public TabPane tabPane() {
        return tabPane;
    }

    public List<LessonTab> tabs() {
        return tabs;
    }

    public LessonPanel lessonPanel() {
        return lessons;
    }

    /** The tab with this id, if registered. */
    public Optional<LessonTab> tab(String id) {
        return tabs.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<LessonTab> currentTab() {
        Tab t = tabPane.getSelectionModel().getSelectedItem();
        return t == null ? Optional.empty() : Optional.of((LessonTab) t.getUserData());
    }

    /** Selects the tab with this id; unknown ids (steps whose tab comes later) are ignored. */
    public void select(String tabId) {
        tabPane.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                .ifPresent(t -> tabPane.getSelectionModel().select(t));
    }

    public String selectedTabId() {
        Tab t = tabPane.getSelectionModel().getSelectedItem();
        return t == null ? "" : t.getId();
    }
}
