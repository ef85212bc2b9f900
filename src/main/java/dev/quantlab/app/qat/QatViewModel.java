package dev.quantlab.app.qat;

import dev.quantlab.app.i18n.I18n;
import dev.quantlab.app.jobs.Job;
import dev.quantlab.app.jobs.JobProgress;
import dev.quantlab.app.jobs.JobStart;
import dev.quantlab.app.services.AppServices;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.kmeans.qat.UpdateRule;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggArchitecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Worker;
import javafx.util.Duration;

/**
 * State and commands of the QAT tab: the run's settings, Start/Stop, the live data of the running job (drained
 * from the worker's queue ten times a second, so the FX thread never floods), the lesson's log lines and the
 * finished runs. Each finished run is also recorded in the shared results store. Use on the FX thread.
 */
public final class QatViewModel {

    /** How often queued events reach the charts. */
    static final Duration PUMP = Duration.millis(100);

    private final AppServices services;
    private TrainSplitSource trainSource;
    private final List<String> layers = VggArchitecture.cifarVgg().weightMatrices().stream()
            .map(VggArchitecture.TensorSpec::name).toList();
    private final IntegerProperty bits = new SimpleIntegerProperty(QatSettings.DEFAULT.bits());
    private final ObjectProperty<UpdateRule> rule = new SimpleObjectProperty<>(QatSettings.DEFAULT.rule());
    private final IntegerProperty epochs = new SimpleIntegerProperty(QatSettings.DEFAULT.epochs());
    private final ObjectProperty<Double> fraction = new SimpleObjectProperty<>(QatSettings.DEFAULT.epochFraction());
    private final ObjectProperty<Integer> batchSize = new SimpleObjectProperty<>(QatSettings.DEFAULT.batchSize());
    private final ObjectProperty<Double> threshold = new SimpleObjectProperty<>(QatSettings.DEFAULT.threshold());
    private final ObjectProperty<TestSubset> subset = new SimpleObjectProperty<>(QatSettings.DEFAULT.subset());
    private final ObjectProperty<String> layer = new SimpleObjectProperty<>(layers.get(layers.size() / 2));
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final JobProgress job = new JobProgress(() -> I18n.t("qat.idle"));
    private final QatLiveData live = new QatLiveData();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<QatRow> rows = FXCollections.observableArrayList();
    private final Timeline pump = new Timeline(new KeyFrame(PUMP, e -> drain()));
    private QatEventQueue queue = new QatEventQueue();

    public QatViewModel(AppServices services) {
        this.services = services;
        this.trainSource = TrainSplitSource.of(services.data());
        pump.setCycleCount(Animation.INDEFINITE);
    }

    /** Replaces where training images come from (tests use a tiny split). */
    public void useTrainSplit(TrainSplitSource source) {
        this.trainSource = source;
    }

    /** The settings as chosen now. */
    public QatSettings settings() {
        return new QatSettings(bits.get(), rule.get(), epochs.get(), value(fraction.get()), valueOf(batchSize.get()),
                value(threshold.get()), subset.get(), QatSettings.DEFAULT.seed());
    }

    private static double value(Double d) {
        return d == null ? Double.NaN : d;
    }

    private static int valueOf(Integer i) {
        return i == null ? 0 : i;
    }

    /** Starts a run with the current settings. */
    public JobStart start() {
        StateDict weights = services.model().weights().get();
        JobStart ready = JobStart.check(weights != null, services.data()::isAvailable, job);
        if (ready != JobStart.STARTED) {
            return ready;
        }
        QatSettings s = settings();
        List<String> wrong = s.problems();
        problems.set(String.join(" ", wrong));
        if (!wrong.isEmpty()) {
            return JobStart.INVALID;
        }
        queue = new QatEventQueue();
        live.reset(s.threshold());
        log.add(I18n.t("qat.console.run", s.bits(), ruleName(s.rule()), s.epochs(), percent(s.epochFraction()),
                s.batchSize(), s.subset().toString()));
        Job<QatWork.Outcome> j = services.jobs().submit(I18n.t("qat.job.title", s.bits(), s.subset().toString()),
                QatWork.create(services.training(), services.evaluation(), services.data(), trainSource, weights, s,
                        queue),
                out -> finished(out, weights));
        job.track(j);
        j.stateProperty().addListener((o, a, state) -> {
            if (state == Worker.State.CANCELLED || state == Worker.State.FAILED) {
                pump.stop();
                drain();
            }
        });
        pump.play();
        return JobStart.STARTED;
    }

    /** A run ended; its result is kept only if it was made on the model still in use. */
    private void finished(QatWork.Outcome out, StateDict trainedFrom) {
        pump.stop();
        drain();
        if (services.model().weights().get() != trainedFrom) {
            job.setMessage(() -> I18n.t("qat.done.modelChanged", out.row().bits()));
            return;
        }
        rows.add(out.row());
        services.results().add(out.record());
        QatRow r = out.row();
        job.setMessage(() -> I18n.t(r.trained() ? "qat.done.trained" : "qat.done.notNeeded", r.bits(),
                fmt(r.before()), fmt(r.after()), fmt(r.fp32())));
    }

    /** Applies what the worker queued since the last call (called by the pump and when a run ends). */
    void drain() {
        List<QatEvent> events = queue.drain();
        if (events.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (QatEvent e : events) {
            if (e instanceof QatEvent.Line l) {
                lines.add(l.text());
            } else {
                live.apply(e);
            }
        }
        live.bump();
        log.addAll(lines);
    }

    /** Stops the running job at its next step (the worker ends a second or two later). */
    public void stop() {
        job.cancel();
    }

    static String ruleName(UpdateRule r) {
        return I18n.t(r == UpdateRule.GRADIENT ? "qat.rule.gradient" : "qat.rule.mean");
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%s%%", new java.text.DecimalFormat("0.##").format(fraction * 100));
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    public List<String> layers() {
        return layers;
    }

    public IntegerProperty bits() {
        return bits;
    }

    public ObjectProperty<UpdateRule> rule() {
        return rule;
    }

    public IntegerProperty epochs() {
        return epochs;
    }

    public ObjectProperty<Double> fraction() {
        return fraction;
    }

    public ObjectProperty<Integer> batchSize() {
        return batchSize;
    }

    public ObjectProperty<Double> threshold() {
        return threshold;
    }

    public ObjectProperty<TestSubset> subset() {
        return subset;
    }

    /** The layer whose centroids the trajectory chart shows. */
    public ObjectProperty<String> layer() {
        return layer;
    }

    /** Why the settings cannot run (empty when they can). */
    public ReadOnlyStringProperty problems() {
        return problems.getReadOnlyProperty();
    }

    public JobProgress job() {
        return job;
    }

    public QatLiveData live() {
        return live;
    }

    /** The lesson's log lines, as the pipeline printed them, plus one header line per run. */
    public ObservableList<String> log() {
        return log;
    }

    public ObservableList<QatRow> rows() {
        return rows;
    }
}
