package dev.quantlab.app;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.core.UserFacingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code gui --snapshot DIR} renders: into which folder, at which scene size, in which language, and whether
 * each tab first runs a short real job ({@code --run-jobs}). Snapshots always start from a fresh, empty state (no
 * saved settings or runs are read or written), so that they can be reproduced.
 *
 * @param dir     the folder the PNGs go to
 * @param width   scene width in pixels
 * @param height  scene height in pixels
 * @param locale  the language (one of {@link Texts#SUPPORTED})
 * @param runJobs whether each tab runs its snapshot job before it is captured
 */
public record SnapshotOptions(Path dir, int width, int height, Locale locale, boolean runJobs) {
    public static final int DEFAULT_WIDTH = 1280;
    public static final int DEFAULT_HEIGHT = 720;
    /** Smallest and largest sizes accepted (the window's minimum, and 8K). */
    static final int MIN_WIDTH = 800;
    static final int MIN_HEIGHT = 560;
    static final int MAX_SIDE = 7680;
    static final String DIR = "snapshot";
    static final String SIZE = "snapshot-size";
    static final String LANG = "snapshot-lang";
    static final String RUN_JOBS = "snapshot-run-jobs";
    private static final Pattern SIZE_PATTERN = Pattern.compile("(\\d{1,5})[xX](\\d{1,5})");

    /** Parses {@code WIDTHxHEIGHT} (e.g. {@code 1280x720}); a bad value is a {@link UserFacingException}. */
    public static int[] parseSize(String text) {
        Matcher m = SIZE_PATTERN.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new UserFacingException("--size must be WIDTHxHEIGHT in pixels, e.g. 1280x720, got '" + text + "'");
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (w < MIN_WIDTH || h < MIN_HEIGHT || w > MAX_SIDE || h > MAX_SIDE) {
            throw new UserFacingException("--size must be between " + MIN_WIDTH + "x" + MIN_HEIGHT + " and "
                    + MAX_SIDE + "x" + MAX_SIDE + ", got " + w + "x" + h);
        }
        return new int[] {w, h};
    }

    /** Parses {@code en} or {@code zh-TW}; anything else is a {@link UserFacingException}. */
    public static Locale parseLanguage(String tag) {
        for (Locale l : Texts.SUPPORTED) {
            if (l.toLanguageTag().equalsIgnoreCase(tag == null ? "" : tag.strip())) {
                return l;
            }
        }
        throw new UserFacingException("--lang must be one of " + String.join(", ",
                Texts.SUPPORTED.stream().map(Locale::toLanguageTag).toList()) + ", got '" + tag + "'");
    }

    /** The options as JavaFX application parameters ({@code --name=value}), for {@link QuantLabApp}. */
    public List<String> toParameters() {
        List<String> out = new ArrayList<>();
        out.add("--" + DIR + "=" + dir.toAbsolutePath());
        out.add("--" + SIZE + "=" + width + "x" + height);
        out.add("--" + LANG + "=" + locale.toLanguageTag());
        if (runJobs) {
            out.add("--" + RUN_JOBS + "=true");
        }
        return out;
    }

    /** The options from the application's named parameters, if a snapshot was asked for. */
    public static Optional<SnapshotOptions> fromParameters(Map<String, String> named) {
        String d = named.get(DIR);
        if (d == null) {
            return Optional.empty();
        }
        int[] size = parseSize(named.getOrDefault(SIZE, DEFAULT_WIDTH + "x" + DEFAULT_HEIGHT));
        Locale l = parseLanguage(named.getOrDefault(LANG, Locale.ENGLISH.toLanguageTag()));
        return Optional.of(new SnapshotOptions(Path.of(d), size[0], size[1], l,
                Boolean.parseBoolean(named.getOrDefault(RUN_JOBS, "false"))));
    }

    /** {@code <tab>-<width>x<height>-<language>.png}, e.g. {@code kmeans-1280x720-zh-TW.png}. */
    public String fileName(String tab) {
        return tab + "-" + width + "x" + height + "-" + locale.toLanguageTag() + ".png";
    }
}
