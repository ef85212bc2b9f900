package dev.quantlab.app.services;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.kmeans.Init;

/**
 * How the k-means tab clusters: one fixed initialisation and seed, so that every figure can be reproduced
 * and the seed is shown with the results.
 *
 * @param init Lloyd's starting centroids
 * @param seed random seed for the initialisation
 */
public record KMeansSettings(Init init, long seed) {
    public static final KMeansSettings DEFAULT = new KMeansSettings(Init.KMEANS_PLUS_PLUS, 42);

    /** E.g. "k-means++ initialisation, seed 42", in the language of {@code texts}. */
    public String describe(Texts texts) {
        return texts.t("kmeans.settings", init.name().toLowerCase(java.util.Locale.ROOT)
                .replace("_plus_plus", "++").replace('_', '-'), Long.toString(seed));
    }
}
