package dev.quantlab.app.linear;

import dev.quantlab.app.common.SnapshotJobs;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.ViewTab;
import dev.quantlab.app.i18n.I18n;
import java.util.Optional;
import javafx.beans.value.ObservableBooleanValue;

/** Step 5 of the lesson: linear quantization of the weights, activation calibration, the integer model's accuracy. */
public final class LinearTab extends ViewTab {
    public static final String ID = "linear";
    private final LinearViewModel vm;

    public LinearTab(TabContext ctx) {
        super(ID, () -> I18n.t("linear.tab"));
        this.vm = new LinearViewModel(ctx.services());
        show(() -> {
            LinearView view = new LinearView(vm, ctx);
            return new Built(view, view::figures, view::dispose);
        }, vm.preview().isNotNull().or(ctx.services().model().unavailable()));
    }

    /** For {@code gui --snapshot --run-jobs}: a short real run that fills the charts. */
    @Override
    public Optional<ObservableBooleanValue> startSnapshotJob() {
        return SnapshotJobs.start(vm.job(), vm::calibrate);
    }

    /** The view model, for tests. */
    public LinearViewModel viewModel() {
        return vm;
    }
}
