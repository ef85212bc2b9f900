package dev.quantlab.app.qat;

import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.ViewTab;
import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.services.ModelService;

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

    /** The view model (same-package tests). */
    QatViewModel viewModel() {
        return vm;
    }

    /** The view shown now (same-package tests). */
    QatView view() {
        return view;
    }
}
