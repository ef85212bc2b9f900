package dev.quantlab.app.services;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.jobs.ErrorReporter;
import dev.quantlab.app.jobs.JobRunner;
import dev.quantlab.app.jobs.TrainingThread;
import dev.quantlab.app.results.ObservableResults;
import dev.quantlab.app.settings.SettingsStore;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.results.ResultsStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The app's dependencies in one place, built once and handed to the window and the tabs (no singletons).
 * Two bounded executors: one for jobs shown in the status bar (evaluation, quantization, downloads),
 * one for quick interactive previews, so a long job never delays the slider. Use on the FX thread.
 */
public final class AppServices implements AutoCloseable {
    private static final int JOB_THREADS = 3;

    private final AppConfig config;
    private final ExecutorService jobExecutor;
    private final ExecutorService previewExecutor;
    private final JobRunner jobs;
    private final TrainingThread training = new TrainingThread();
    private final ModelService model;
    private final DatasetService data;
    private final EvaluationService evaluation;
    private final SettingsStore settings;
    private final ObservableResults results;
    private final IntegerModels integerModels = new IntegerModels();
    private final Language language;
    private final StringProperty notice;

    /**
     * @param language the window's language (every service's messages follow it)
     */
    public AppServices(AppConfig config, Language language, ErrorReporter errors, DatasetDownloader downloader) {
        this.config = config;
        this.language = language;
        this.notice = new SimpleStringProperty(language.t("app.notice.ready"));
        this.jobExecutor = Executors.newFixedThreadPool(JOB_THREADS, daemonThreads("quantlab-job"));
        this.previewExecutor = Executors.newSingleThreadExecutor(daemonThreads("quantlab-preview"));
        this.jobs = new JobRunner(jobExecutor, errors, notice::set, language);
        this.model = new ModelService(jobs, language);
        this.data = new DatasetService(jobs, language, config.dataRoot(), downloader);
        this.evaluation = new EvaluationService(data, language);
        model.weights().addListener((o, old, now) -> evaluation.forgetAllBut(now));
        this.settings = new SettingsStore(config.settingsFile());
        this.results = new ObservableResults(ResultsStore.open(config.resultsFile()));
        results.store().onSaveProblem(problem -> javafx.application.Platform.runLater(() -> errors.report(
                language.t("app.results.saveFailed"), new UserFacingException(problem))));
    }

    /** Starts loading the configured model. */
    public void start() {
        model.load(config.modelPath());
    }

    public AppConfig config() {
        return config;
    }

    public JobRunner jobs() {
        return jobs;
    }

    /** The executor for short interactive computations (one thread, latest request wins at the caller). */
    public ExecutorService previews() {
        return previewExecutor;
    }

    /** The one thread QAT runs train on (libtorch's autograd must not run on two threads). */
    public TrainingThread training() {
        return training;
    }

    public ModelService model() {
        return model;
    }

    public DatasetService data() {
        return data;
    }

    public EvaluationService evaluation() {
        return evaluation;
    }

    /**
     * The integer-only models of the loaded weights (BN folding, calibrations, built models), shared by the Linear
     * and Integer tabs so that what one computed the other reuses. For worker threads.
     */
    public IntegerModels integerModels() {
        return integerModels;
    }

    /** The window's language: view models read their texts from it; views get {@code language().texts()}. */
    public Language language() {
        return language;
    }

    public SettingsStore settings() {
        return settings;
    }

    /** Every finished run of every tab, kept across restarts ({@code results().add(RunRecord)}). */
    public ObservableResults results() {
        return results;
    }

    /** The last short notice for the status bar ("Exported 6 files", "Evaluation cancelled"). */
    public StringProperty notice() {
        return notice;
    }

    /** After a language switch: the model's and the data's messages in the new language. */
    public void relocalize() {
        model.relocalize();
        data.relocalize();
    }

    /** Cancels running jobs and stops the worker threads (a stopped training run first finishes its step). */
    @Override
    public void close() {
        jobs.cancelAll();
        jobExecutor.shutdownNow();
        previewExecutor.shutdownNow();
        training.close();
        results.close();
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
    }
}
