package dev.quantlab.app;

import dev.quantlab.app.i18n.Texts;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;

/**
 * The main window's menu bar in one language: File (open model, data, export all, quit) and View &gt; Language.
 *
 * @param openModel   File &gt; Open model…
 * @param data        File &gt; CIFAR-10 data…
 * @param exportAll   File &gt; Export all figures of the current tab
 * @param quit        File &gt; Quit
 * @param useLanguage View &gt; Language: called with the language picked when it is not the current one
 */
record MainMenu(Runnable openModel, Runnable data, Runnable exportAll, Runnable quit, Consumer<Locale> useLanguage) {

    /** The menu bar with the texts of {@code texts}, the current language checked. */
    MenuBar build(Texts texts) {
        MenuItem open = item(texts, "app.menu.openModel", "menuOpenModel", "Shortcut+O", openModel);
        MenuItem dataItem = item(texts, "app.menu.data", "menuData", null, data);
        MenuItem export = item(texts, "app.menu.exportAll", "menuExportAll", "Shortcut+E", exportAll);
        MenuItem exit = item(texts, "app.menu.quit", "menuQuit", "Shortcut+Q", quit);
        Menu file = new Menu(texts.t("app.menu.file"), null, open, dataItem, new SeparatorMenuItem(), export,
                new SeparatorMenuItem(), exit);
        file.setId("menuFile");

        Menu language = new Menu(texts.t("app.menu.language"));
        language.setId("menuLanguage");
        ToggleGroup group = new ToggleGroup();
        for (Locale l : Texts.SUPPORTED) {
            RadioMenuItem item = new RadioMenuItem(languageName(texts, l));
            item.setId(MainWindow.LANGUAGE_ITEM_PREFIX + l.toLanguageTag());
            item.setToggleGroup(group);
            item.setSelected(l.equals(texts.locale()));
            item.setOnAction(e -> {
                if (!l.equals(texts.locale())) {
                    useLanguage.accept(l);
                }
            });
            language.getItems().add(item);
        }
        Menu view = new Menu(texts.t("app.menu.view"), null, language);
        view.setId("menuView");
        MenuBar bar = new MenuBar(file, view);
        bar.setId("menuBar");
        return bar;
    }

    /** A language's name in that language ("English", "繁體中文"), as the language menu lists it. */
    static String languageName(Texts texts, Locale l) {
        return texts.t("app.language." + Texts.supported(l).toLanguageTag());
    }

    private static MenuItem item(Texts texts, String key, String id, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(texts.t(key));
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
