package dev.quantlab.app.kmeans;

import dev.quantlab.app.common.SnapshotJobs;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.ViewTab;
import dev.quantlab.app.i18n.I18n;
import dev.quantlab.app.services.TestSubset;
import java.util.Optional;
import javafx.beans.value.ObservableBooleanValue;

/** Steps 2 and 3 of the lesson: k-means quantization of each layer and of the whole model. */
public final class KMeansTab extends ViewTab {
    public static final String ID = "kmeans";
    private final KMeansViewModel vm;

    public KMeansTab(TabContext ctx) {
        super(ID, () -> I18n.t("kmeans.tab"));
        this.vm = new KMeansViewModel(ctx.services());
        show(() -> {
            KMeansView view = new KMeansView(vm, ctx);
            return new Built(view, view::figures, view::dispose);
        }, vm.preview().isNotNull().or(ctx.services().model().unavailable()));
    }

    @Override
    protected void onLanguageChanged() {
        vm.relocalize();
    }

    /** For {@code gui --snapshot --run-jobs}: a short real run that fills the charts. */
    @Override
    public Optional<ObservableBooleanValue> startSnapshotJob() {
        vm.bits().set(2);
        vm.subset().set(new TestSubset(100));
        return SnapshotJobs.start(vm.job(), vm::quantizeAtCurrentBits);
    }

    /** The view model, for tests. */
    public KMeansViewModel viewModel() {
        return vm;
    }
}
