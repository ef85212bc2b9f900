package dev.quantlab.cli;

import dev.quantlab.core.AtomicFiles;
import dev.quantlab.core.IoReasons;
import dev.quantlab.core.UserFacingException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Plots a training log (train-log.csv) as a PNG: loss on top, train/test accuracy below. */
@Command(name = "plot-training", mixinStandardHelpOptions = true,
        description = "Plot a train-log.csv (loss and accuracy per epoch) to a PNG.")
public final class PlotTrainingCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "CSV", description = "The training log written by 'train'.")
    Path csv;
    @Parameters(index = "1", paramLabel = "PNG", description = "The image to write.")
    Path png;

    private static final long MAX_LOG_BYTES = 16L << 20;

    @Override
    public void run() {
        XYSeries loss = new XYSeries("train loss");
        XYSeries trainAcc = new XYSeries("train accuracy (augmented)");
        XYSeries testAcc = new XYSeries("test accuracy (subset)");
        List<String> lines;
        try {
            if (Files.isRegularFile(csv) && Files.size(csv) > MAX_LOG_BYTES) {
                throw new UserFacingException(csv + " is " + Files.size(csv) + " bytes, too large for a training log "
                        + "(a line per epoch)");
            }
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new UserFacingException("cannot read the training log " + csv + ": " + IoReasons.of(e));
        }
        if (lines.size() < 2) {
            throw new UserFacingException(csv + " holds no finished epoch yet (a training log has a header line "
                    + "and one line per epoch)");
        }
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            try {
                int epoch = Integer.parseInt(f[0]) + 1;
                loss.add(epoch, Double.parseDouble(f[1]));
                trainAcc.add(epoch, Double.parseDouble(f[2]));
                testAcc.add(epoch, Double.parseDouble(f[3]));
            } catch (RuntimeException e) {
                throw new UserFacingException(csv + " line " + (i + 1) + " is not a training-log row "
                        + "(epoch,train_loss,train_acc,test_acc,...): " + shorten(lines.get(i)));
            }
        }
        XYPlot lossPlot = plot(new XYSeriesCollection(loss), "loss");
        XYSeriesCollection acc = new XYSeriesCollection(trainAcc);
        acc.addSeries(testAcc);
        XYPlot accPlot = plot(acc, "accuracy (%)");
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(new NumberAxis("epoch"));
        combined.add(lossPlot, 1);
        combined.add(accPlot, 1);
        JFreeChart chart = new JFreeChart("QuantLab VGG on CIFAR-10: training curve", JFreeChart.DEFAULT_TITLE_FONT,
                combined, true);
        chart.setBackgroundPaint(Color.WHITE);
        try {
            // through a temporary file: a full disk leaves the old PNG (or none), never a fragment
            AtomicFiles.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, 900, 600));
        } catch (IOException e) {
            throw new UserFacingException("cannot write the plot " + png + ": " + IoReasons.of(e));
        }
        System.out.println("wrote " + png.toAbsolutePath());
    }

    private static String shorten(String line) {
        String clean = line.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 80 ? clean : clean.substring(0, 77) + "...";
    }

    private static XYPlot plot(XYSeriesCollection data, String label) {
        NumberAxis y = new NumberAxis(label);
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot p = new XYPlot(data, null, y, r);
        p.setBackgroundPaint(Color.WHITE);
        p.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return p;
    }
}
