package dev.quantlab.app.export;

import java.util.Locale;

/** The formats a chart exports to: PNG (raster, at 2x for slides), SVG and PDF (vector). */
public enum ImageFormat {
    PNG("PNG image (2x)"), SVG("SVG vector image"), PDF("PDF document");

    private final String description;

    ImageFormat(String description) {
        this.description = description;
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }
}
