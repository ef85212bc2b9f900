package dev.quantlab.app.services;

import dev.quantlab.app.i18n.Describable;
import dev.quantlab.app.i18n.Texts;
import java.util.List;
import java.util.Locale;

/**
 * How many test images an evaluation uses: a class-balanced subset (the first {@code limit / 10} images of
 * each class) or, with {@code limit = 0}, all 10,000.
 */
public record TestSubset(int limit) implements Describable {
    public static final TestSubset ALL = new TestSubset(0);
    public static final List<TestSubset> CHOICES = List.of(new TestSubset(100), new TestSubset(500),
            new TestSubset(1000), new TestSubset(2000), ALL);

    public TestSubset {
        if (limit < 0) {
            throw new IllegalArgumentException("subset size must not be negative, got " + limit);
        }
    }

    public boolean isAll() {
        return limit == 0;
    }

    /** "1,000 images" / "all 10,000 images" in the language of {@code texts} (the subset choice, job titles). */
    @Override
    public String describe(Texts texts) {
        return isAll() ? texts.t("app.subset.all")
                : texts.t("app.subset.some", String.format(Locale.ROOT, "%,d", limit));
    }
}
