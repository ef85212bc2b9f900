package dev.quantlab.app;

import dev.quantlab.app.common.LessonTab;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.Theme;
import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.i18n.Texts;
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
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/**
 * The main window's content: a menu bar, the lesson navigator beside the tabs, and the status bar. Selecting
 * a lesson step selects its tab and the other way round. Tabs come from {@link LessonTabs}.
 * <p>
 * Texts come from the window's {@link Language}. {@link #switchLanguage} rebuilds the menus, the navigator, the status bar and
 * every tab's view in the new language; the services (model, data, running jobs) and the tabs' view models
 * (results) stay as they are.
 */
public final class MainWindow {
    public static final String TABS_ID = "lessonTabs";
    /** Node ids of the language menu items: {@code language-en}, {@code language-zh-TW}. */
    public static final String LANGUAGE_ITEM_PREFIX = "language-";
    private static final double LESSON_SHARE = 0.27;

    private final TabContext ctx;
    private final Language language;
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
        this.language = ctx.services().language();
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
        statusBar = new StatusBarView(ctx.services(), language.texts());
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
        LessonPanel panel = new LessonPanel(lib, language.texts());
        SplitPane.setResizableWithParent(panel, false);
        panel.selectedPage().addListener((o, a, page) -> {
            if (page != null && page.hasTab()) {
                select(page.tab());
            }
        });
        return panel;
    }

    private MenuBar buildMenuBar() {
        return new MainMenu(() -> ctx.prompts().openModelFile(), () -> ctx.prompts().needData(),
                () -> currentTab().ifPresent(t -> ctx.export().exportAll(t::figures)), quit, this::switchLanguage)
                .build(language.texts());
    }

    /**
     * Shows the whole window in {@code locale} (one of {@link Texts#SUPPORTED}): sets the window's language,
     * refreshes the services' messages, rebuilds menus, lesson pages, status bar and tab views, keeping the
     * selected tab, the loaded model and data, results and running jobs. Then tells the listener (which saves
     * the choice). Call on the FX thread.
     */
    public void switchLanguage(Locale locale) {
        Locale l = Texts.supported(locale);
        language.use(l);
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
            Theme.applyLanguage(root.getScene(), l);
        }
        statusBar.dispose();
        statusBar = new StatusBarView(ctx.services(), language.texts());
        root.setBottom(statusBar.node());
        Texts texts = language.texts();
        ctx.services().notice().set(allRebuilt ? texts.t("app.notice.language", MainMenu.languageName(texts, l))
                : texts.t("app.notice.languagePartly", MainMenu.languageName(texts, l)));
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
