package dev.quantlab.app.export;

import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.Range;

/**
 * One look for every exported chart, applied to the copy that is written (never to the chart on screen): the same
 * title style (bold, 15 pt, the chart's own font family, dark text), value axes with about {@value #TARGET_TICKS}
 * ticks at round steps (1, 2, 2.5 or 5 times a power of ten), and log axes that span the data, not many empty
 * decades.
 */
public final class SlideStyle {
    static final int TARGET_TICKS = 7;
    static final int MAX_TICKS = 8;
    static final float TITLE_SIZE = 15f;
    static final Color TITLE_PAINT = new Color(0x1F2937);

    private SlideStyle() { }

    /** Applies the slide style to {@code chart} (a copy about to be exported) and returns it. */
    public static JFreeChart apply(JFreeChart chart) {
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(new Font(family(chart), Font.BOLD, Math.round(TITLE_SIZE)));
            title.setPaint(TITLE_PAINT);
        }
        Plot plot = chart.getPlot();
        if (plot instanceof XYPlot xy) {
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                tidy(xy.getDomainAxis(i), xy.getDataRange(xy.getDomainAxis(i)));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                tidy(xy.getRangeAxis(i), xy.getDataRange(xy.getRangeAxis(i)));
            }
        } else if (plot instanceof CategoryPlot cp) {
            for (int i = 0; i < cp.getRangeAxisCount(); i++) {
                tidy(cp.getRangeAxis(i), cp.getDataRange(cp.getRangeAxis(i)));
            }
        }
        return chart;
    }

    /** The family the chart's theme chose (its axis or legend font), so that CJK charts keep a CJK font. */
    private static String family(JFreeChart chart) {
        Plot plot = chart.getPlot();
        if (plot instanceof XYPlot xy && xy.getDomainAxis() != null) {
            return xy.getDomainAxis().getTickLabelFont().getFamily();
        }
        if (plot instanceof CategoryPlot cp && cp.getDomainAxis() != null) {
            return cp.getDomainAxis().getTickLabelFont().getFamily();
        }
        return chart.getTitle() != null ? chart.getTitle().getFont().getFamily() : Font.SANS_SERIF;
    }

    private static void tidy(ValueAxis axis, Range data) {
        if (axis instanceof LogAxis log) {
            tidyLog(log, data);
        } else if (axis instanceof NumberAxis number && number.getRange().getLength() > 0) {
            double unit = niceUnit(number.getRange().getLength(), integerTicks(number));
            number.setTickUnit(new NumberTickUnit(unit, format(unit)), false, false);
        }
    }

    /** A log axis spans its positive data (a factor of 2 beyond it), with at most {@value #MAX_TICKS} tick marks. */
    private static void tidyLog(LogAxis axis, Range data) {
        if (data != null && data.getLowerBound() > 0 && data.getUpperBound() >= data.getLowerBound()) {
            axis.setRange(new Range(data.getLowerBound() / 2, data.getUpperBound() * 2), false, false);
        }
        double decades = Math.log10(axis.getUpperBound() / axis.getLowerBound());
        if (Double.isFinite(decades) && decades > 0) {
            axis.setTickUnit(new NumberTickUnit(Math.max(1, Math.ceil(decades / MAX_TICKS))), false, false);
        }
    }

    private static boolean integerTicks(NumberAxis axis) {
        return axis.getStandardTickUnits() != null
                && axis.getStandardTickUnits().getCeilingTickUnit(0.5).getSize() >= 1;
    }

    /**
     * A round tick step (1, 2, 2.5 or 5 times a power of ten; at least 1 for integer axes) that puts between
     * 5 and {@value #MAX_TICKS} ticks on an axis of this length, about {@value #TARGET_TICKS}.
     */
    public static double niceUnit(double length, boolean integers) {
        double raw = length / TARGET_TICKS;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double best = power;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            best = m * power;
            if (best >= raw) {
                break;
            }
        }
        while (length / best > MAX_TICKS) {
            best *= 2;
        }
        return integers ? Math.max(1, Math.rint(best)) : best;
    }

    private static DecimalFormat format(double unit) {
        int digits = Math.max(0, (int) Math.ceil(-Math.log10(unit) + 1e-9));
        if (unit * Math.pow(10, digits) != Math.rint(unit * Math.pow(10, digits))) {
            digits++; // 2.5 x 10^k
        }
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f;
    }
}
