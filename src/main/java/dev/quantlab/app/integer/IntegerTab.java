package dev.quantlab.app.integer;

import dev.quantlab.app.common.SnapshotJobs;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.ViewTab;
import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.services.IntegerServices;
import dev.quantlab.app.services.ModelService;
import dev.quantlab.app.services.TestSubset;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;

/** Step 6 of the lesson: the integer-only model: accuracy, size and speed on four engines, a worked example. */
public final class IntegerTab extends ViewTab {
    public static final String ID = "integer";
    private final IntegerViewModel vm;

    public IntegerTab(TabContext ctx) {
        this(ctx, ctx.services().language());
    }

    private IntegerTab(TabContext ctx, Language language) {
        super(ID, () -> language.t("integer.tab"));
        this.vm = new IntegerViewModel(IntegerServices.of(ctx.services()));
        show(() -> {
            IntegerView view = new IntegerView(vm, ctx, language.texts());
            return new Built(view, view::figures, view::dispose);
        }, ctx.services().model().status().isNotEqualTo(ModelService.Status.LOADING));
    }

    /**
     * For {@code gui --snapshot --run-jobs}: fp32 vs the integer model on 100 images, then the four engines (one after
     * the other, so that the engines' speeds are not measured beside another job).
     */
    @Override
    public Optional<ObservableBooleanValue> startSnapshotJob() {
        vm.subset().set(new TestSubset(100));
        Optional<ObservableBooleanValue> models = SnapshotJobs.start(vm.job(), vm::run);
        if (models.isEmpty()) {
            return SnapshotJobs.start(vm.engines().job(), vm.engines()::run);
        }
        ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
        models.get().subscribe(ended -> {
            if (ended) {
                SnapshotJobs.start(vm.engines().job(), vm.engines()::run)
                        .ifPresentOrElse(engines -> done.bind(engines), () -> done.set(true));
            }
        });
        return Optional.of(done.getReadOnlyProperty());
    }

    @Override
    protected void onLanguageChanged() {
        vm.relocalize();
    }

    IntegerViewModel viewModel() {
        return vm;
    }
}
