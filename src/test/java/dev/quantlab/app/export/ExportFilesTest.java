package dev.quantlab.app.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Chart export to PNG (2x), SVG and PDF, CSV tables, and the overwrite policy. No JavaFX needed. */
public class ExportFilesTest {
    @TempDir
    Path dir;

    static JFreeChart chart() {
        XYSeries s = new XYSeries("weights");
        for (int i = 0; i < 20; i++) {
            s.add(i, Math.sin(i / 3.0));
        }
        return ChartFactory.createXYLineChart("A chart", "x", "y", new XYSeriesCollection(s));
    }

    public static void assertPng(Path file) throws IOException {
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(file), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, head);
    }

    @Test
    void pngIsWrittenAtTwiceTheLogicalSize() throws Exception {
        Path f = dir.resolve("a.png");
        new Exporter(OverwritePolicy.NEVER).exportFigure(new Figure("a", chart(), 300, 200), ImageFormat.PNG, f);
        assertPng(f);
        BufferedImage img = ImageIO.read(f.toFile());
        assertEquals(600, img.getWidth());
        assertEquals(400, img.getHeight());
    }

    @Test
    void svgIsWellFormedXmlWithAnSvgRoot() throws Exception {
        Path f = dir.resolve("a.svg");
        new Exporter(OverwritePolicy.NEVER).exportFigure(Figure.of("a", chart()), ImageFormat.SVG, f);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(f.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertTrue(Files.readString(f).contains("A chart"));
    }

    @Test
    void pdfStartsWithThePdfHeader() throws Exception {
        Path f = dir.resolve("a.pdf");
        new Exporter(OverwritePolicy.NEVER).exportFigure(Figure.of("a", chart()), ImageFormat.PDF, f);
        byte[] bytes = Files.readAllBytes(f);
        assertEquals("%PDF-", new String(bytes, 0, 5, StandardCharsets.US_ASCII));
        assertTrue(new String(bytes, StandardCharsets.ISO_8859_1).contains("%%EOF"));
    }

    @Test
    void existingFilesAreKeptUnlessThePolicyAllows() throws Exception {
        Path f = dir.resolve("a.png");
        Files.writeString(f, "keep me");
        AtomicInteger asked = new AtomicInteger();
        ExportResult kept = new Exporter(existing -> {
            asked.incrementAndGet();
            assertEquals(List.of(f), existing);
            return false;
        }).exportFigure(Figure.of("a", chart()), ImageFormat.PNG, f);
        assertEquals(1, asked.get());
        assertEquals(List.of(f), kept.skipped());
        assertEquals("keep me", Files.readString(f));

        ExportResult replaced = new Exporter(OverwritePolicy.ALWAYS).exportFigure(Figure.of("a", chart()),
                ImageFormat.PNG, f);
        assertEquals(List.of(f), replaced.written());
        assertPng(f);
    }

    @Test
    void exportAllWritesEveryFigureInEveryFormatAndTablesAsCsvAskingOnce() throws Exception {
        DataTable table = new DataTable("results", List.of("bits", "note"), List.of(List.of("8", "a, \"quoted\"")));
        FigureSet set = new FigureSet(List.of(Figure.of("hist", chart()), Figure.of("bars", chart())), List.of(table));
        assertEquals(7, Exporter.plannedFiles(set, dir).size());
        Files.writeString(dir.resolve("hist.svg"), "old");
        Files.writeString(dir.resolve("results.csv"), "old");
        AtomicInteger asked = new AtomicInteger();
        ExportResult r = new Exporter(existing -> {
            asked.incrementAndGet();
            assertEquals(2, existing.size());
            return false;
        }).exportAll(set.snapshot(), dir);
        assertEquals(1, asked.get());
        assertEquals(5, r.written().size());
        assertEquals(2, r.skipped().size());
        assertEquals("old", Files.readString(dir.resolve("results.csv")));
        assertPng(dir.resolve("bars.png"));
    }

    @Test
    void csvQuotesCellsThatNeedIt() {
        DataTable t = new DataTable("t", List.of("a", "b"), List.of(List.of("1", "x, \"y\""), List.of("2", "")));
        assertEquals("a,b\r\n1,\"x, \"\"y\"\"\"\r\n2,\r\n", CsvWriter.toCsv(t));
    }

    @Test
    void fileNamesAreSlugs() {
        assertEquals("kmeans-backbone-conv7-weight-4bit", FileNames.slug("kmeans-backbone.conv7.weight-4bit"));
        assertThrows(IllegalArgumentException.class, () -> new DataTable("../evil", List.of(), List.of()));
    }
}
