package dev.quantlab.app.linear;

import dev.quantlab.app.common.SnapshotJobs;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.ViewTab;
import java.util.Optional;
import javafx.beans.value.ObservableBooleanValue;
import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.services.IntegerServices;

/** Step 5 of the lesson: linear quantization of the weights, activation calibration, the integer model's accuracy. */
public final class LinearTab extends ViewTab {
    public static final String ID = "linear";
    private final LinearViewModel vm;

    public LinearTab(TabContext ctx) {
        this(ctx, ctx.services().language());
    }

    private LinearTab(TabContext ctx, Language language) {
        super(ID, () -> language.t("linear.tab"));
        this.vm = new LinearViewModel(IntegerServices.of(ctx.services()));
        show(() -> {
            LinearView view = new LinearView(vm, ctx, language.texts());
            return new Built(view, view::figures, view::dispose);
        }, vm.preview().isNotNull().or(ctx.services().model().unavailable()));
    }

    /** For {@code gui --snapshot --run-jobs}: a short real run that fills the charts. */
    @Override
    public Optional<ObservableBooleanValue> startSnapshotJob() {
        return SnapshotJobs.start(vm.job(), vm::evaluateEveryMethod);
    }

    @Override
    protected void onLanguageChanged() {
        vm.relocalize();
    }

    LinearViewModel viewModel() {
        return vm;
    }
}
