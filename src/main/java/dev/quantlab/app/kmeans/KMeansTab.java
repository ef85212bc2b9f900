package dev.quantlab.app.kmeans;

import dev.quantlab.app.TabContext;
import dev.quantlab.app.ViewTab;

/** Steps 2 and 3 of the lesson: k-means quantization of each layer and of the whole model. */
public final class KMeansTab extends ViewTab {
    public static final String ID = "kmeans";
    private final KMeansViewModel vm;

    public KMeansTab(TabContext ctx) {
        super(ID, "K-Means");
        this.vm = new KMeansViewModel(ctx.services());
        KMeansView view = new KMeansView(vm, ctx);
        show(view, view::figures, vm.preview().isNotNull().or(ctx.services().model().unavailable()));
    }

    /** The view model, for tests. */
    public KMeansViewModel viewModel() {
        return vm;
    }
}
