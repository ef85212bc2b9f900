package dev.quantlab.app.kmeans;

import dev.quantlab.app.common.SnapshotJobs;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.ViewTab;
import dev.quantlab.app.services.AppServices;
import javafx.application.Platform;
import dev.quantlab.app.services.TestSubset;
import java.util.Optional;
import javafx.beans.value.ObservableBooleanValue;

/** Steps 2 and 3 of the lesson: k-means quantization of each layer and of the whole model. */
public final class KMeansTab extends ViewTab {
    public static final String ID = "kmeans";
    /** The sensitivity cells, beside the settings file (the CLI's default {@code --cache} in the QuantLab home). */
    static final String SENSITIVITY_CACHE = "sensitivity-cache.json";
    final KMeansViewModel vm;

    public KMeansTab(TabContext ctx) {
        super(ID, () -> ctx.services().language().t("kmeans.tab"));
        AppServices s = ctx.services();
        this.vm = new KMeansViewModel(new KMeansServices(s.model(), s.data(), s.evaluation(), s.jobs(), s.results(),
                s.language(), s.previews(), Platform::runLater,
                s.config().settingsFile().resolveSibling(SENSITIVITY_CACHE)));
        show(() -> {
            KMeansView view = new KMeansView(vm, ctx, s.language().texts());
            return new Built(view.node(), view::figures, view::dispose);
        }, vm.layer().preview().isNotNull().or(s.model().unavailable()));
    }

    @Override
    protected void onLanguageChanged() {
        vm.relocalize();
    }

    /** For {@code gui --snapshot --run-jobs}: a short real run that fills the charts. */
    @Override
    public Optional<ObservableBooleanValue> startSnapshotJob() {
        vm.layer().bits().set(2);
        vm.runs().subset().set(new TestSubset(100));
        return SnapshotJobs.start(vm.runs().job(), vm.runs()::quantizeAtCurrentBits);
    }
}
