package dev.quantlab.app.compare;

/**
 * The Compare tab's two dialogs: "clear every run?" and the results file to add. Tests answer them without a
 * dialog (same-package {@link CompareTab} constructor).
 *
 * @param clear asks before every recorded run is forgotten
 * @param files picks a results file to add
 */
record CompareDialogs(ClearConfirmation clear, ResultsFileChooser files) {
    static CompareDialogs real() {
        return new CompareDialogs(ClearConfirmation.dialog(), ResultsFileChooser.dialog());
    }
}
