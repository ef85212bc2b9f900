package dev.quantlab.app.charts;

import dev.quantlab.app.export.ChartData;
import dev.quantlab.app.export.ExportActions;
import dev.quantlab.app.export.Figure;
import dev.quantlab.app.export.ImageFormat;
import dev.quantlab.app.i18n.Texts;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import org.jfree.chart.fx.ChartViewer;

/**
 * A chart on screen: a JFreeChart {@link ChartViewer} with an export menu (right click, or the small button in
 * the corner) offering PNG at 2x, SVG, PDF, and the chart's data as CSV.
 */
public final class ChartPane extends StackPane {
    private final ChartViewer viewer;
    private final Supplier<Figure> figure;
    private final MenuButton button;

    public ChartPane(Supplier<Figure> figure, ExportActions export) {
        this.figure = figure;
        Texts texts = export.texts();
        this.button = new MenuButton(texts.t("app.chart.export"));
        this.viewer = new ChartViewer(figure.get().chart(), false);
        getStyleClass().add("chart-pane");
        ContextMenu menu = new ContextMenu();
        button.getStyleClass().add("chart-export-button");
        button.setTooltip(new Tooltip(texts.t("app.chart.exportTooltip")));
        for (ImageFormat f : ImageFormat.values()) {
            MenuItem inMenu = new MenuItem(texts.t("app.chart.exportAs", f.description(texts)));
            inMenu.setOnAction(e -> export.exportFigure(figure.get(), f));
            menu.getItems().add(inMenu);
            MenuItem inButton = new MenuItem(texts.t("app.chart.formatItem", f.description(texts)));
            inButton.setOnAction(e -> export.exportFigure(figure.get(), f));
            button.getItems().add(inButton);
        }
        String csv = texts.t("app.format.csv");
        MenuItem csvInMenu = new MenuItem(texts.t("app.chart.exportAs", csv));
        csvInMenu.setOnAction(e -> export.exportTable(ChartData.table(figure.get())));
        menu.getItems().add(csvInMenu);
        MenuItem csvInButton = new MenuItem(texts.t("app.chart.formatItem", csv));
        csvInButton.setOnAction(e -> export.exportTable(ChartData.table(figure.get())));
        button.getItems().add(csvInButton);
        viewer.setOnContextMenuRequested(e -> menu.show(viewer, e.getScreenX(), e.getScreenY()));
        StackPane.setAlignment(button, Pos.TOP_RIGHT);
        getChildren().addAll(viewer, button);
        setMinSize(200, 160);
    }

    /** Moves the export button out of the chart's corner, for a caller that shows it elsewhere (a card title). */
    public MenuButton takeExportButton() {
        getChildren().remove(button);
        button.getStyleClass().remove("chart-export-button");
        button.getStyleClass().add("small");
        return button;
    }

    public ChartViewer viewer() {
        return viewer;
    }

    public Figure figure() {
        return figure.get();
    }
}
