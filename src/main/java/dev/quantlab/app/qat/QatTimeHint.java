package dev.quantlab.app.qat;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.i18n.Texts;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The QAT tab's word on time. Before Start: how long the chosen settings take at most, from the step time the
 * last run measured on this machine (the first run measures it). While a run goes: its overall progress and the
 * time left, from its own measured steps. Use on the FX thread.
 */
public final class QatTimeHint {
    private final QatClock clock;
    private final Supplier<QatSettings> settings;
    private final Language language;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper overall = new ReadOnlyDoubleWrapper(0);

    QatTimeHint(QatClock clock, Supplier<QatSettings> settings, Language language) {
        this.clock = clock;
        this.settings = settings;
        this.language = language;
    }

    /** Recomputes both from the clock and the settings chosen now. */
    void update() {
        Texts t = language.texts();
        if (clock.running()) {
            overall.set(clock.overall());
            Optional<Double> left = clock.remaining();
            text.set(left.isPresent()
                    ? t.t("qat.time.left", QatTexts.duration(left.get(), t), QatTexts.duration(clock.elapsed(), t))
                    : t.t("qat.time.measuring"));
            return;
        }
        overall.set(0);
        QatSettings s = settings.get();
        if (!s.problems(t).isEmpty()) {
            text.set("");
            return;
        }
        Optional<Double> seconds = estimateSeconds();
        text.set(seconds.isEmpty() ? t.t("qat.time.unknown")
                : t.t("qat.time.estimate", QatTexts.duration(seconds.get(), t), String.format(java.util.Locale.ROOT,
                        "%.2f", clock.last().orElseThrow().stepSeconds(s.batchSize())), s.batchSize()));
    }

    /** The most seconds a run of the settings chosen now takes, from the last run's step time. */
    Optional<Double> estimateSeconds() {
        return clock.estimate(settings.get());
    }

    /** The step time the estimate uses (the last run's). */
    Optional<StepTime> stepTime() {
        return clock.last();
    }

    /** The estimate before Start, or the time left while a run goes. */
    public ReadOnlyStringProperty text() {
        return text.getReadOnlyProperty();
    }

    /** The running run's overall share done, 0..1 (0 when none runs, and until its first step is timed). */
    public ReadOnlyDoubleProperty overall() {
        return overall.getReadOnlyProperty();
    }
}
