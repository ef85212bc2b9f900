package dev.quantlab.app;

import dev.quantlab.app.common.LessonTab;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.Theme;
import dev.quantlab.app.i18n.I18n;
import dev.quantlab.app.lesson.LessonLibrary;
import dev.quantlab.app.lesson.LessonPage;
import dev.quantlab.app.lesson.LessonPanel;
import dev.quantlab.app.status.StatusBarView;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;

/**
 * The main window's content: a menu bar, the lesson navigator beside the tabs, and the status bar. Selecting
 * a lesson step selects its tab and the other way round. Tabs come from {@link LessonTabs}.
 * <p>
 * Texts come from {@link I18n}. {@link #switchLanguage} rebuilds the menus, the navigator, the status bar and
 * every tab's view in the new language; the services (model, data, running jobs) and the tabs' view models
 * (results) stay as they are.
 */
public final class MainWindow {
    public static final String TABS_ID = "lessonTabs";
    /** Node ids of the language menu items: {@code language-en}, {@code language-zh-TW}. */
    public static final String LANGUAGE_ITEM_PREFIX = "language-";
    private static final double LESSON_SHARE = 0.27;

    private final TabContext ctx;
    private final Runnable quit;
    private final BorderPane root = new BorderPane();
    private final TabPane tabPane = new TabPane();
    private final SplitPane split = new SplitPane();
    private final List<LessonTab> tabs;
    private LessonPanel lessons;
    private LessonLibrary library;
    private StatusBarView statusBar;
    private MenuBar menuBar;
    private Consumer<Locale> onLanguageChanged = l -> { };

    public MainWindow(TabContext ctx, LessonLibrary library, Runnable quit) {
        this.ctx = ctx;
        this.quit = quit;
        this.library = library;
        this.tabs = LessonTabs.create(ctx);
        root.getStyleClass().add("main-window");
        tabPane.setId(TABS_ID);
        tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (LessonTab t : tabs) {
            Tab tab = new Tab(t.title(), t.content());
            tab.setId(t.id());
            tab.setUserData(t);
            tabPane.getTabs().add(tab);
        }
        lessons = newLessonPanel(library);
        split.getItems().setAll(lessons, tabPane);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(LESSON_SHARE);
        menuBar = buildMenuBar();
        statusBar = new StatusBarView(ctx.services());
        root.setTop(menuBar);
        root.setCenter(split);
        root.setBottom(statusBar.node());
        tabPane.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> {
            LessonPage current = lessons.selectedPage().get();
            if (tab != null && (current == null || !tab.getId().equals(current.tab()))) {
                this.library.forTab(tab.getId()).ifPresent(lessons::select);
            }
        });
    }

    private LessonPanel newLessonPanel(LessonLibrary lib) {
        LessonPanel panel = new LessonPanel(lib);
        SplitPane.setResizableWithParent(panel, false);
        panel.selectedPage().addListener((o, a, page) -> {
            if (page != null && page.hasTab()) {
                select(page.tab());
            }
        });
        return panel;
    }

    private MenuBar buildMenuBar() {
        MenuItem openModel = new MenuItem(I18n.t("app.menu.openModel"));
        openModel.setId("menuOpenModel");
        openModel.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        openModel.setOnAction(e -> ctx.prompts().openModelFile());
        MenuItem data = new MenuItem(I18n.t("app.menu.data"));
        data.setId("menuData");
        data.setOnAction(e -> ctx.prompts().needData());
        MenuItem exportAll = new MenuItem(I18n.t("app.menu.exportAll"));
        exportAll.setId("menuExportAll");
        exportAll.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        exportAll.setOnAction(e -> currentTab().ifPresent(t -> ctx.export().exportAll(t::figures)));
        MenuItem exit = new MenuItem(I18n.t("app.menu.quit"));
        exit.setId("menuQuit");
        exit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        exit.setOnAction(e -> quit.run());
        Menu file = new Menu(I18n.t("app.menu.file"), null, openModel, data, new SeparatorMenuItem(), exportAll,
                new SeparatorMenuItem(), exit);
        file.setId("menuFile");

        Menu language = new Menu(I18n.t("app.menu.language"));
        language.setId("menuLanguage");
        ToggleGroup group = new ToggleGroup();
        for (Locale l : I18n.SUPPORTED) {
            RadioMenuItem item = new RadioMenuItem(languageName(l));
            item.setId(LANGUAGE_ITEM_PREFIX + l.toLanguageTag());
            item.setToggleGroup(group);
            item.setSelected(l.equals(I18n.locale()));
            item.setOnAction(e -> {
                if (!l.equals(I18n.locale())) {
                    switchLanguage(l);
                }
            });
            language.getItems().add(item);
        }
        Menu view = new Menu(I18n.t("app.menu.view"), null, language);
        view.setId("menuView");
        MenuBar bar = new MenuBar(file, view);
        bar.setId("menuBar");
        return bar;
    }

    /** A language's name in that language ("English", "繁體中文"), as the language menu lists it. */
    public static String languageName(Locale l) {
        return I18n.t("app.language." + I18n.supported(l).toLanguageTag());
    }

    /**
     * Shows the whole window in {@code locale} (one of {@link I18n#SUPPORTED}): sets {@link I18n}'s language,
     * refreshes the services' messages, rebuilds menus, lesson pages, status bar and tab views, keeping the
     * selected tab, the loaded model and data, results and running jobs. Then tells the listener (which saves
     * the choice). Call on the FX thread.
     */
    public void switchLanguage(Locale locale) {
        Locale l = I18n.supported(locale);
        I18n.setLocale(l);
        ctx.services().language().use(l);
        String selected = selectedTabId();
        double[] dividers = split.getDividerPositions();
        ctx.services().relocalize();

        menuBar = buildMenuBar();
        root.setTop(menuBar);

        library = LessonLibrary.load(l);
        LessonPanel old = lessons;
        LessonPage oldPage = old.selectedPage().get();
        lessons = newLessonPanel(library);
        split.getItems().set(0, lessons);
        split.setDividerPositions(dividers);
        if (oldPage != null) {
            library.pages().stream().filter(p -> p.file().equals(oldPage.file())).findFirst().ifPresent(lessons::select);
        }

        boolean allRebuilt = true;
        for (Tab tab : tabPane.getTabs()) {
            LessonTab t = (LessonTab) tab.getUserData();
            t.relocalize();
            allRebuilt &= t.localizable();
            tab.setText(t.title());
            tab.setContent(t.content());
        }
        if (!selected.isEmpty()) {
            select(selected);
        }

        if (root.getScene() != null) {
            Theme.applyLanguage(root.getScene());
        }
        statusBar.dispose();
        statusBar = new StatusBarView(ctx.services());
        root.setBottom(statusBar.node());
        ctx.services().notice().set(allRebuilt ? I18n.t("app.notice.language", languageName(l))
                : I18n.t("app.notice.languagePartly", languageName(l)));
        onLanguageChanged.accept(l);
    }

    /** Called after every {@link #switchLanguage} with the new language (the app saves it and retitles the stage). */
    public void setOnLanguageChanged(Consumer<Locale> listener) {
        this.onLanguageChanged = listener == null ? l -> { } : listener;
    }

    public Parent root() {
        return root;
    }

    public TabPane tabPane() {
        return tabPane;
    }

    public MenuBar menuBar() {
        return menuBar;
    }

    public List<LessonTab> tabs() {
        return tabs;
    }

    public LessonPanel lessonPanel() {
        return lessons;
    }

    public LessonLibrary library() {
        return library;
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
