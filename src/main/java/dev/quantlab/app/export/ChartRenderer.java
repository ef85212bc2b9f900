package dev.quantlab.app.export;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;

/** Draws a chart into PNG (at {@link #PNG_SCALE}x), SVG or PDF bytes. No JavaFX involved. */
public final class ChartRenderer {
    /** PNGs are rendered at twice their logical size, sharp on slides and high-density screens. */
    public static final int PNG_SCALE = 2;

    private ChartRenderer() { }

    /** Writes a copy of {@code figure}'s chart in the {@link SlideStyle} (the chart itself is left as it is). */
    public static void write(Figure figure, ImageFormat format, OutputStream out) throws IOException {
        JFreeChart chart = SlideStyle.apply(figure.snapshot().chart());
        int w = figure.width();
        int h = figure.height();
        switch (format) {
            case PNG -> ChartUtils.writeScaledChartAsPNG(out, chart, w, h, PNG_SCALE, PNG_SCALE);
            case SVG -> out.write(svg(chart, w, h).getBytes(StandardCharsets.UTF_8));
            case PDF -> out.write(pdf(chart, w, h, figure.name()));
            default -> throw new IllegalArgumentException("unknown format " + format);
        }
    }

    static String svg(JFreeChart chart, int w, int h) {
        SVGGraphics2D g2 = new SVGGraphics2D(w, h);
        chart.draw(g2, new Rectangle(0, 0, w, h));
        return g2.getSVGDocument();
    }

    static byte[] pdf(JFreeChart chart, int w, int h, String title) {
        PDFDocument doc = new PDFDocument();
        doc.setTitle(title);
        doc.setAuthor("QuantLab");
        Page page = doc.createPage(new Rectangle(0, 0, w, h));
        PDFGraphics2D g2 = page.getGraphics2D();
        // texts as outlines, in every language: the PDF then needs no font at all (JFreePDF would name the
        // non-embedded standard Helvetica, which looks different from the PNG/SVG and has no CJK glyphs), so it
        // looks the same on every viewer and projector
        g2.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        chart.draw(g2, new Rectangle(0, 0, w, h));
        return doc.getPDFBytes();
    }
}
