package dev.quantlab.app.compare;

import dev.quantlab.app.i18n.Texts;
import java.util.List;

/**
 * One row of the side-by-side comparison of k-means and linear quantization.
 *
 * @param aspect what is compared
 * @param kmeans how k-means (weight sharing) does it
 * @param linear how linear (affine) quantization does it
 */
record TradeOff(String aspect, String kmeans, String linear) {
    /** The aspects compared, in the table's order (keys {@code compare.tradeoff.<aspect>.*}). */
    static final List<String> ASPECTS = List.of("stored", "values", "inference", "retraining", "speed", "lesson");

    /** The rows in the current language. */
    static List<TradeOff> rows(Texts t) {
        return ASPECTS.stream().map(a -> new TradeOff(t.t("compare.tradeoff." + a),
                t.t("compare.tradeoff." + a + ".kmeans"), t.t("compare.tradeoff." + a + ".linear"))).toList();
    }
}
