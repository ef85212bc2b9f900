package dev.quantlab.app.export;

import dev.quantlab.app.i18n.Texts;
import java.util.Locale;

/** The formats a chart exports to: PNG (raster, at 2x for slides), SVG and PDF (vector). */
public enum ImageFormat {
    PNG("app.format.png"), SVG("app.format.svg"), PDF("app.format.pdf");

    private final String descriptionKey;

    ImageFormat(String descriptionKey) {
        this.descriptionKey = descriptionKey;
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "PNG image (2x)", in the language of {@code texts}. */
    public String description(Texts texts) {
        return texts.t(descriptionKey);
    }
}
