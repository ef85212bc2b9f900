package dev.quantlab.app.charts;

import dev.quantlab.app.common.Theme;
import java.util.Locale;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleInsets;

/**
 * One look for every chart, matching the app's CSS theme: white, light grid, the theme's accent colours. Charts take
 * their fonts from {@link #font(int, float)}: on screen (FXGraphics2D) a logical font such as {@code SansSerif} has
 * no CJK glyphs, so in Chinese the charts name an installed CJK family instead.
 */
public final class ChartStyle {
    public static final Color ACCENT = new Color(0x2F6FED);
    public static final Color ACCENT_2 = new Color(0xE8590C);
    public static final Color MUTED = new Color(0x8A94A6);
    public static final Color TEXT = new Color(0x1F2937);
    public static final Color GRID = new Color(0xE5E7EB);
    private static volatile java.util.Optional<String> cjkFamily;

    private ChartStyle() { }

    /** Applies the theme, with fonts for {@code locale}'s language, to a freshly created chart and returns it. */
    public static JFreeChart apply(JFreeChart chart, Locale locale) {
        String family = family(locale);
        StandardChartTheme theme = new StandardChartTheme("QuantLab");
        theme.setExtraLargeFont(new Font(family, Font.BOLD, 15));
        theme.setLargeFont(new Font(family, Font.BOLD, 12));
        theme.setRegularFont(new Font(family, Font.PLAIN, 11));
        theme.setSmallFont(new Font(family, Font.PLAIN, 10));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(GRID);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setAxisLabelPaint(TEXT);
        theme.setTickLabelPaint(TEXT);
        theme.setTitlePaint(TEXT);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setLegendItemPaint(TEXT);
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setShadowVisible(false);
        theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
        theme.apply(chart);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        Plot plot = chart.getPlot();
        plot.setOutlineVisible(false);
        if (plot instanceof CategoryPlot cp && cp.getRenderer() instanceof BarRenderer r) {
            r.setSeriesPaint(0, ACCENT);
            r.setDrawBarOutline(false);
            r.setMaximumBarWidth(0.08);
        }
        if (plot instanceof XYPlot xp) {
            xp.setDomainGridlineStroke(new BasicStroke(0.6f));
            xp.setRangeGridlineStroke(new BasicStroke(0.6f));
            if (xp.getRenderer() instanceof XYBarRenderer r) {
                r.setShadowVisible(false);
                r.setDrawBarOutline(false);
            }
        }
        return chart;
    }

    /** The chart font family for {@code locale}'s language: SansSerif, or in Chinese an installed CJK family. */
    public static String family(Locale locale) {
        if (!"zh".equals(locale.getLanguage())) {
            return Font.SANS_SERIF;
        }
        java.util.Optional<String> f = cjkFamily;
        if (f == null) {
            java.util.List<String> installed;
            try {
                installed = java.util.List.of(java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment()
                        .getAvailableFontFamilyNames(java.util.Locale.ROOT));
            } catch (RuntimeException | Error e) {
                installed = java.util.List.of();
            }
            f = Theme.CJK_FAMILIES.stream().filter(installed::contains).findFirst();
            cjkFamily = f;
        }
        return f.orElse(Font.SANS_SERIF);
    }

    /** A chart font in the family of {@code locale}'s language. */
    public static Font font(Locale locale, int style, float size) {
        return new Font(family(locale), style, Math.round(size));
    }

    private static boolean hasCjk(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** A placeholder message drawn in an empty plot, in a font that has its script. */
    public static void setEmptyMessage(Plot plot, String text) {
        plot.setNoDataMessage(text);
        plot.setNoDataMessageFont(font(hasCjk(text) ? Locale.TRADITIONAL_CHINESE : Locale.ENGLISH, Font.PLAIN, 13));
        plot.setNoDataMessagePaint(MUTED);
    }
}
