package dev.quantlab.app.baseline;

import dev.quantlab.app.common.SnapshotJobs;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.ViewTab;
import dev.quantlab.app.services.ModelService;
import dev.quantlab.app.services.TestSubset;
import java.util.Optional;
import javafx.beans.value.ObservableBooleanValue;

/** Step 1 of the lesson: the fp32 model's layers, size and accuracy. */
public final class BaselineTab extends ViewTab {
    public static final String ID = "baseline";
    private final BaselineViewModel vm;

    public BaselineTab(TabContext ctx) {
        super(ID, () -> ctx.services().language().t("baseline.tab"));
        this.vm = new BaselineViewModel(BaselineServices.of(ctx.services()));
        show(() -> {
            BaselineView view = new BaselineView(vm, ctx.services().language().texts(), ctx);
            return new Built(view, view::figures, view::dispose);
        }, ctx.services().model().status().isNotEqualTo(ModelService.Status.LOADING));
    }

    @Override
    protected void onLanguageChanged() {
        vm.relocalize();
    }

    /** For {@code gui --snapshot --run-jobs}: a short real run that fills the charts. */
    @Override
    public Optional<ObservableBooleanValue> startSnapshotJob() {
        vm.subset().set(new TestSubset(100));
        return SnapshotJobs.start(vm.job(), vm::evaluate);
    }

    BaselineViewModel viewModel() {
        return vm;
    }
}
