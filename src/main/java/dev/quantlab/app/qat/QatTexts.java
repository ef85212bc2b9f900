package dev.quantlab.app.qat;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.kmeans.qat.UpdateRule;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How the QAT tab writes rules, shares, accuracies, test subsets and durations. */
final class QatTexts {
    private QatTexts() { }

    static String ruleName(UpdateRule r, Texts t) {
        return t.t(r == UpdateRule.GRADIENT ? "qat.rule.gradient" : "qat.rule.mean");
    }

    /** 0.05 as "5%". */
    static String percent(double fraction) {
        return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(fraction * 100) + "%";
    }

    /** An accuracy with two decimals. */
    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** "500 images" / "all 10,000 images". */
    static String subset(TestSubset s, Texts t) {
        return s.isAll() ? t.t("app.subset.all") : t.t("app.subset.some", String.format(Locale.ROOT, "%,d", s.limit()));
    }

    /** A duration rounded to what matters: "35 s", "4 min 20 s", "1 h 05 min". */
    static String duration(double seconds, Texts t) {
        long s = Math.max(0, Math.round(seconds));
        if (s < 60) {
            return t.t("qat.time.s", Long.toString(s));
        }
        if (s < 3600) {
            return t.t("qat.time.min", Long.toString(s / 60), String.format(Locale.ROOT, "%02d", s % 60));
        }
        long minutes = Math.round(s / 60.0);
        return t.t("qat.time.h", Long.toString(minutes / 60), String.format(Locale.ROOT, "%02d", minutes % 60));
    }
}
