package dev.quantlab.app;

import dev.quantlab.app.baseline.BaselineTab;
import dev.quantlab.app.common.LessonTab;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.compare.CompareTab;
import dev.quantlab.app.integer.IntegerTab;
import dev.quantlab.app.kmeans.KMeansTab;
import dev.quantlab.app.linear.LinearTab;
import dev.quantlab.app.qat.QatTab;
import java.util.List;
import java.util.function.Function;

/**
 * The registry of tabs, in window order. A new lesson step (QAT, linear, integer-only, compare) is one more
 * line here.
 */
public final class LessonTabs {
    private static final List<Function<TabContext, LessonTab>> FACTORIES = List.of(
            BaselineTab::new,
            KMeansTab::new,
            QatTab::new,
            LinearTab::new,
            IntegerTab::new,
            CompareTab::new);

    private LessonTabs() { }

    public static List<LessonTab> create(TabContext ctx) {
        return FACTORIES.stream().map(f -> f.apply(ctx)).toList();
    }
}
