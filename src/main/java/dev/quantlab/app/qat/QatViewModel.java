package dev.quantlab.app.qat;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.jobs.Job;
import dev.quantlab.app.jobs.JobProgress;
import dev.quantlab.app.jobs.JobStart;
import dev.quantlab.model.StateDict;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Worker;
import javafx.util.Duration;

/**
 * State and commands of the QAT tab: the learner's choices, Start/Stop, the live data of the running job (drained
 * from the worker's queue ten times a second, so the FX thread never floods), the time it takes, the lesson's log
 * lines and the finished runs. Each finished run, and each run stopped during fine-tuning (its best accuracy so
 * far, marked stopped), is also recorded in the shared results store. Use on the FX thread.
 */
public final class QatViewModel {
    /** How often queued events reach the charts. */
    static final Duration PUMP = Duration.millis(100);

    private final QatServices services;
    private final QatChoices choices = new QatChoices();
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final JobProgress job;
    private final QatLiveData live = new QatLiveData();
    private final QatClock clock = new QatClock(System::nanoTime);
    private final QatTimeHint time;
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<QatRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> logView = FXCollections.unmodifiableObservableList(log);
    private final ObservableList<QatRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final Timeline pump = new Timeline(new KeyFrame(PUMP, e -> drain()));
    private TrainSplitSource trainSource;
    private QatEventQueue queue = new QatEventQueue();
    private StateDict runningFrom;
    private Supplier<String> stoppedMessage;

    QatViewModel(QatServices services) {
        this.services = services;
        this.job = new JobProgress(services.language(), () -> texts().t("qat.idle"));
        this.trainSource = TrainSplitSource.of(services.data(), services.language());
        this.time = new QatTimeHint(clock, choices::settings, services.language());
        pump.setCycleCount(Animation.INDEFINITE);
        for (Observable o : List.of(choices.bits(), choices.epochs(), choices.fraction(), choices.batchSize(),
                choices.subset())) {
            o.addListener(x -> time.update());
        }
        time.update();
    }

    private Texts texts() {
        return services.language().texts();
    }

    /** Replaces where training images come from (tests use a tiny split). */
    void useTrainSplit(TrainSplitSource source) {
        this.trainSource = source;
    }

    public QatChoices choices() {
        return choices;
    }

    /** The settings as chosen now. */
    public QatSettings settings() {
        return choices.settings();
    }

    /** Starts a run with the current settings. */
    public JobStart start() {
        StateDict weights = services.model().weights().get();
        JobStart ready = JobStart.check(weights != null, services.data()::isAvailable, job);
        if (ready != JobStart.STARTED) {
            return ready;
        }
        QatSettings s = settings();
        List<String> wrong = s.problems(texts());
        problems.set(String.join(" ", wrong));
        if (!wrong.isEmpty()) {
            return JobStart.INVALID;
        }
        queue = new QatEventQueue();
        runningFrom = weights;
        stoppedMessage = null;
        live.reset(s.threshold());
        log.add(texts().t("qat.console.run", s.bits(), QatTexts.ruleName(s.rule(), texts()), s.epochs(),
                QatTexts.percent(s.epochFraction()), s.batchSize(), QatTexts.subset(s.subset(), texts())));
        Job<QatWork.Outcome> j = services.jobs().submit(texts().t("qat.job.title", s.bits(),
                        QatTexts.subset(s.subset(), texts())),
                QatWork.create(services, trainSource, weights, s, queue), this::finished);
        job.track(j);
        clock.start(s);
        j.stateProperty().addListener((o, a, state) -> {
            if (state == Worker.State.CANCELLED || state == Worker.State.FAILED) {
                // after the job's own "cancelled" message: what a stopped run kept is said last
                j.whenStopped(this::ended);
            }
        });
        pump.play();
        time.update();
        return JobStart.STARTED;
    }

    /** A run stopped or failed: applies what it queued last (a stopped run's outcome among it). */
    private void ended() {
        pump.stop();
        drain();
        clock.end();
        time.update();
        if (stoppedMessage != null) {
            job.setMessage(stoppedMessage);
        }
    }

    /** A run ended; its result is kept only if it was made on the model still in use. */
    private void finished(QatWork.Outcome out) {
        pump.stop();
        drain();
        clock.end();
        time.update();
        keep(out, runningFrom);
    }

    /**
     * Adds a finished or stopped run, trained from {@code trainedFrom}, to the table and the results store, and says
     * how it ended.
     */
    void keep(QatWork.Outcome out, StateDict trainedFrom) {
        QatRow r = out.row();
        if (services.model().weights().get() != trainedFrom) {
            job.setMessage(() -> texts().t("qat.done.modelChanged", r.bits()));
            return;
        }
        rows.add(r);
        services.results().add(out.record());
        if (r.stopped()) {
            stoppedMessage = () -> texts().t("qat.done.stopped", r.bits(), r.epochs(), r.plannedEpochs(),
                    QatTexts.fmt(r.after()), QatTexts.fmt(r.before()));
            log.add(stoppedMessage.get());
            job.setMessage(stoppedMessage);
        } else {
            job.setMessage(() -> texts().t(r.trained() ? "qat.done.trained" : "qat.done.notNeeded", r.bits(),
                    QatTexts.fmt(r.before()), QatTexts.fmt(r.after()), QatTexts.fmt(r.fp32())));
        }
    }

    /** Applies what the worker queued since the last call (called by the pump and when a run ends). */
    void drain() {
        List<QatEvent> events = queue.drain();
        if (events.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        List<QatWork.Outcome> stopped = new ArrayList<>();
        for (QatEvent e : events) {
            if (e instanceof QatEvent.Line l) {
                lines.add(l.text());
            } else if (e instanceof QatEvent.Stopped s) {
                stopped.add(s.soFar());
            } else {
                if (e instanceof QatEvent.Step s) {
                    clock.step(s);
                } else if (e instanceof QatEvent.Epoch ep) {
                    clock.epoch(ep);
                } else if (e instanceof QatEvent.TrainImages t) {
                    clock.trainImages(t.count());
                }
                live.apply(e);
            }
        }
        live.bump();
        log.addAll(lines);
        stopped.forEach(out -> keep(out, runningFrom));
        time.update();
    }

    /** Stops the running job at its next step (the worker ends a second or two later). */
    public void stop() {
        job.cancel();
    }

    /** After a language switch: the status and time texts in the new language. */
    void relocalize() {
        job.relocalize();
        if (!problems.get().isEmpty()) {
            problems.set(String.join(" ", settings().problems(texts())));
        }
        time.update();
    }

    /** Why the settings cannot run (empty when they can). */
    public ReadOnlyStringProperty problems() {
        return problems.getReadOnlyProperty();
    }

    public JobProgress job() {
        return job;
    }

    /** How long a run takes: an estimate before Start, the overall progress and time left while one runs. */
    public QatTimeHint time() {
        return time;
    }

    public QatLiveData live() {
        return live;
    }

    /** The log: one header line per run, the lesson's lines (epochs numbered as the chart), how a run ended. */
    public ObservableList<String> log() {
        return logView;
    }

    /** Finished runs, stopped ones included. */
    public ObservableList<QatRow> rows() {
        return rowsView;
    }
}
