package dev.quantlab.app.qat;

import dev.quantlab.app.common.SnapshotJobs;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.ViewTab;
import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.services.ModelService;
import dev.quantlab.app.services.TestSubset;
import java.util.Optional;
import javafx.beans.value.ObservableBooleanValue;

/** Step 4 of the lesson: quantization-aware training recovers the accuracy k-means quantization lost. */
public final class QatTab extends ViewTab {
    public static final String ID = "qat";
    private final QatViewModel vm;
    private QatView view;

    public QatTab(TabContext ctx) {
        this(ctx, QatServices.of(ctx.services()));
    }

    private QatTab(TabContext ctx, QatServices services) {
        super(ID, () -> services.language().t("qat.tab"));
        Language language = services.language();
        this.vm = new QatViewModel(services);
        show(() -> {
            QatView built = new QatView(vm, ctx, language.texts());
            view = built;
            return new Built(built, built::figures, built::dispose);
        }, services.model().status().isNotEqualTo(ModelService.Status.LOADING));
    }

    @Override
    protected void onLanguageChanged() {
        vm.relocalize();
    }

    /** For {@code gui --snapshot --run-jobs}: a short real run that fills the charts. */
    @Override
    public Optional<ObservableBooleanValue> startSnapshotJob() {
        vm.choices().bits().set(2);
        vm.choices().epochs().set(1);
        vm.choices().fraction().set(0.01); // a few steps
        vm.choices().subset().set(new TestSubset(100));
        return SnapshotJobs.start(vm.job(), vm::start);
    }

    /** The view model (same-package tests). */
    QatViewModel viewModel() {
        return vm;
    }

    /** The view shown now (same-package tests). */
    QatView view() {
        return view;
    }
}
