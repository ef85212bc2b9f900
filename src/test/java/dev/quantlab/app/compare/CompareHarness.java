package dev.quantlab.app.compare;

import dev.quantlab.app.TabAlone;
import dev.quantlab.app.TestWeights;
import dev.quantlab.app.export.ExportActions;
import dev.quantlab.app.services.AppServices;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Parent;
import javafx.stage.Stage;

/**
 * The Compare tab on the app's real services (results file in a temp folder, the given model, no data), shown alone
 * in a stage of the size the tab gets in a window (e.g. 934×606 in a 1280×720 window, beside the lesson pane),
 * with dialogs answered by the test and errors recorded.
 */
final class CompareHarness implements AutoCloseable {
    /** The tab's area in a 1280×720 window (the lesson pane, menus, tab bar and status bar aside). */
    static final double WIDTH_1280 = 934;
    static final double HEIGHT_720 = 606;
    final AppServices services;
    final ExportActions export;
    final CompareTab tab;
    final List<Throwable> errors;
    private final TabAlone alone;

    CompareHarness(Stage stage, Path model, Path home, Locale language, CompareDialogs dialogs, double width,
                   double height) {
        alone = new TabAlone(stage, model, home.resolve("no-data"), home, language);
        services = alone.services;
        export = alone.export;
        errors = alone.errors;
        tab = new CompareTab(alone.context(), dialogs);
        alone.show(tab.content(), width, height);
    }

    /** A freshly initialised VGG, written once per test run (no trained model needed here). */
    static Path weights() {
        return TestWeights.file();
    }

    /** The content now shown (the view is rebuilt after a language switch). */
    Parent content() {
        return (Parent) tab.content();
    }

    CompareView view() {
        return (CompareView) tab.content();
    }

    @Override
    public void close() {
        alone.close();
    }
}
