package dev.quantlab.app.integer;

import dev.quantlab.app.common.SnapshotJobs;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.ViewTab;
import dev.quantlab.app.i18n.I18n;
import dev.quantlab.app.services.ModelService;
import dev.quantlab.app.services.TestSubset;
import java.util.Optional;
import javafx.beans.value.ObservableBooleanValue;
import javafx.util.Subscription;

/** Step 6 of the lesson: the integer-only model: accuracy, size and speed versus fp32, and a worked example. */
public final class IntegerTab extends ViewTab {
    public static final String ID = "integer";
    private final IntegerViewModel vm;

    public IntegerTab(TabContext ctx) {
        super(ID, () -> I18n.t("integer.tab"));
        this.vm = new IntegerViewModel(ctx.services());
        show(() -> {
            IntegerView view = new IntegerView(vm, ctx);
            return new Built(view, view::figures, view::dispose);
        }, ctx.services().model().status().isNotEqualTo(ModelService.Status.LOADING));
    }

    /** For {@code gui --snapshot --run-jobs}: a short real run that fills the charts. */
    @Override
    public Optional<ObservableBooleanValue> startSnapshotJob() {
        vm.subset().set(new TestSubset(100));
        return SnapshotJobs.start(vm.job(), vm::run);
    }

    /** The view model, for tests. */
    public IntegerViewModel viewModel() {
        return vm;
    }
}
