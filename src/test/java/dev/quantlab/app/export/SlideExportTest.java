package dev.quantlab.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.jobs.JobRunner;
import dev.quantlab.app.settings.SettingsStore;
import dev.quantlab.app.settings.WindowSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports for slides: CSV per chart holds the chart's data, PDFs need no font, round ticks, the last folder kept. */
class SlideExportTest {
    @TempDir
    Path dir;

    private static XYSeriesCollection twoSeries() {
        XYSeries a = new XYSeries("fp32");
        XYSeries b = new XYSeries("int8");
        for (int i = 0; i < 7; i++) {
            a.add(i * 0.1, Math.exp(-i) / 3);
            b.add(i * 0.1 + 0.05, -1e-9 * i);
        }
        XYSeriesCollection c = new XYSeriesCollection(a);
        c.addSeries(b);
        return c;
    }

    @Test
    void csvOfAChartHoldsExactlyItsData() {
        XYSeriesCollection data = twoSeries();
        JFreeChart chart = ChartFactory.createXYLineChart("Loss", "step", "loss", data);
        DataTable t = ChartData.table(Figure.of("qat-loss", chart));
        assertEquals(List.of("series", "step", "loss"), t.headers());
        List<List<String>> expected = new ArrayList<>();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                expected.add(List.of(data.getSeriesKey(s).toString(), Double.toString(data.getXValue(s, i)),
                        Double.toString(data.getYValue(s, i))));
            }
        }
        assertEquals(expected, t.rows());
        for (List<String> row : t.rows()) { // the numbers read back are the plotted ones, bit for bit
            int s = data.getSeriesIndex(row.get(0));
            int i = data.getSeries(s).indexOf(Double.parseDouble(row.get(1)));
            assertEquals(data.getYValue(s, i), Double.parseDouble(row.get(2)), 0.0);
        }

        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        bars.addValue(92.5, "accuracy", "cat");
        bars.addValue(97.25, "accuracy", "ship");
        DataTable c = ChartData.table(Figure.of("per-class", ChartFactory.createBarChart("", "class", "%", bars)));
        assertEquals(List.of("series", "class", "%"), c.headers());
        assertEquals(List.of(List.of("accuracy", "cat", "92.5"), List.of("accuracy", "ship", "97.25")), c.rows());
    }

    @Test
    void pdfDrawsTextAsOutlinesSoNoFontIsLeftUnembedded() throws Exception {
        for (Locale l : List.of(Locale.ENGLISH, Locale.TRADITIONAL_CHINESE)) {
            JFreeChart chart = ChartFactory.createXYLineChart(l.getLanguage() + ": 準確率 accuracy", "x", "y",
                    twoSeries());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartRenderer.write(Figure.of("a", chart), ImageFormat.PDF, out);
            String pdf = out.toString(StandardCharsets.ISO_8859_1);
            assertTrue(pdf.startsWith("%PDF-"));
            // every font a PDF names must come with its program (/FontFile2 for TrueType): here none is needed
            int fonts = count(pdf, "/BaseFont");
            assertEquals(fonts, count(pdf, "/FontFile"), "fonts named " + fonts + " but not all embedded");
            assertFalse(pdf.contains("/Helvetica"), "no standard, non-embedded Helvetica");
            Path file = dir.resolve("chart-" + l.toLanguageTag() + ".pdf");
            Files.write(file, out.toByteArray());
            pdffonts(file).ifPresent(lines -> assertTrue(lines.stream().skip(2).allMatch(s -> s.contains(" yes ")),
                    "pdffonts lists a font that is not embedded: " + lines));
        }
    }

    /** The lines {@code pdffonts FILE} prints, where poppler-utils is installed. */
    private static Optional<List<String>> pdffonts(Path file) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("pdffonts", file.toString()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return Optional.empty();
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), text);
        return Optional.of(text.lines().toList());
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void valueAxesGetRoundStepsWithFourToEightTicks() {
        for (double length : new double[] {0.37, 1, 7, 135, 1000, 12345, 3e-5}) {
            for (boolean integers : new boolean[] {false, true}) {
                if (integers && length < 4) {
                    continue;
                }
                double unit = SlideStyle.niceUnit(length, integers);
                double ticks = Math.floor(length / unit + 1e-9) + 1;
                assertTrue(ticks >= 4 && ticks <= 8, length + ": step " + unit + " gives " + ticks + " ticks");
                double mantissa = unit / Math.pow(10, Math.floor(Math.log10(unit)));
                assertTrue(List.of(1.0, 2.0, 2.5, 5.0).stream().anyMatch(m -> Math.abs(m - mantissa) < 1e-9),
                        "round step: " + unit);
            }
        }
        // the throughput axis up to 135 ticked every 5 (28 ticks) before
        XYSeries s = new XYSeries("img/s");
        s.add(0, 0);
        s.add(1, 135);
        JFreeChart chart = ChartFactory.createXYLineChart("Throughput", "", "img/s", new XYSeriesCollection(s));
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setTickUnit(new org.jfree.chart.axis.NumberTickUnit(5));
        SlideStyle.apply(chart);
        NumberAxis y = (NumberAxis) chart.getXYPlot().getRangeAxis();
        double ticks = y.getRange().getLength() / y.getTickUnit().getSize();
        assertTrue(ticks <= 8 && ticks >= 3, "ticks: " + ticks);
    }

    @Test
    void aLogAxisSpansTheDataNotEmptyDecades() {
        XYSeries mse = new XYSeries("MSE");
        mse.add(8, 1e-6);
        mse.add(2, 1e-2);
        JFreeChart chart = ChartFactory.createXYLineChart("Error", "bits", "MSE", new XYSeriesCollection(mse));
        XYPlot plot = chart.getXYPlot();
        LogAxis log = new LogAxis("MSE");
        plot.setRangeAxis(log);
        log.setRange(new Range(1e-14, 1));
        SlideStyle.apply(chart);
        assertEquals(5e-7, log.getLowerBound(), 1e-12);
        assertEquals(2e-2, log.getUpperBound(), 1e-9);
        assertTrue(Math.log10(log.getUpperBound() / log.getLowerBound()) / log.getTickUnit().getSize() <= 8);
    }

    @Test
    void theLastExportFolderIsRememberedInTheSettings() throws Exception {
        Language en = new Language(Locale.ENGLISH);
        List<String> notices = new ArrayList<>();
        ExportActions export = new ExportActions(() -> null, new JobRunner(Runnable::run, (w, e) -> { },
                notices::add, en), (w, e) -> { throw new AssertionError(w, e); }, notices::add, en);
        assertEquals(Optional.empty(), export.lastFolder());
        assertEquals(Path.of(System.getProperty("user.home")).toFile(), export.initialFolder(),
                "never the folder the app was started from");
        Path slides = Files.createDirectories(dir.resolve("slides"));
        DataTable table = new DataTable("runs", List.of("a"), List.of(List.of("1")));
        export.exportTableTo(table, slides.resolve("runs.csv"));
        assertEquals(Optional.of(slides), export.lastFolder());
        assertEquals(slides.toFile(), export.initialFolder());

        SettingsStore store = new SettingsStore(dir.resolve("gui-settings.json"));
        assertEquals(null, store.save(WindowSettings.DEFAULT.withExportFolder(export.lastFolder())));
        ExportActions next = new ExportActions(() -> null, new JobRunner(Runnable::run, (w, e) -> { },
                notices::add, en), (w, e) -> { }, notices::add, en);
        next.rememberFolder(store.load().exportPath());
        assertEquals(slides.toFile(), next.initialFolder(), "the next start's save dialog opens there");
    }
}
