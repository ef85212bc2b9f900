package dev.quantlab.app.kmeans;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.services.KMeansSettings;
import java.util.Locale;

/** How the k-means tab names its clustering settings: "k-means++ initialisation, seed 42". */
final class SettingsText {
    private SettingsText() { }

    static String describe(Texts texts, KMeansSettings settings) {
        return texts.t("kmeans.settings", settings.init().name().toLowerCase(Locale.ROOT)
                .replace("_plus_plus", "++").replace('_', '-'), Long.toString(settings.seed()));
    }
}
