package dev.quantlab.app.qat;

import dev.quantlab.app.common.SnapshotJobs;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.ViewTab;
import dev.quantlab.app.i18n.I18n;
import dev.quantlab.app.services.TestSubset;
import java.util.Optional;
import javafx.beans.value.ObservableBooleanValue;

/** Step 4 of the lesson: quantization-aware training recovers the accuracy k-means quantization lost. */
public final class QatTab extends ViewTab {
    public static final String ID = "qat";
    private final QatViewModel vm;
    private QatView view;

    public QatTab(TabContext ctx) {
        super(ID, () -> I18n.t("qat.tab"));
        this.vm = new QatViewModel(ctx.services());
        show(() -> {
            view = new QatView(vm, ctx);
            QatView built = view;
            return new Built(built, built::figures, built::dispose);
        }, ctx.services().model().status().isNotEqualTo(dev.quantlab.app.services.ModelService.Status.LOADING));
    }

    @Override
    protected void onLanguageChanged() {
        vm.job().relocalize();
    }

    /** For {@code gui --snapshot --run-jobs}: a short real run that fills the charts. */
    @Override
    public Optional<ObservableBooleanValue> startSnapshotJob() {
        vm.bits().set(2);
        vm.epochs().set(1);
        vm.fraction().set(0.01); // a few steps
        vm.subset().set(new TestSubset(100));
        return SnapshotJobs.start(vm.job(), vm::start);
    }

    /** The view model, for tests. */
    public QatViewModel viewModel() {
        return vm;
    }

    /** Points in the loss chart now (tests). */
    public int lossPoints() {
        return view.lossChart().points();
    }

    /** Lines in the centroid chart now (tests). */
    public int centroidLines() {
        return view.centroidChart().lines();
    }
}
