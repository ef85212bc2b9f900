package dev.quantlab.app.qat;

import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.ViewTab;
import dev.quantlab.app.i18n.I18n;

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
