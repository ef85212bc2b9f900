package dev.quantlab.app.qat;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TextArea;

/** The run's log as the lesson prints it: a read-only monospace text area that follows the view model's lines. */
final class QatConsole extends TextArea {
    private final ObservableList<String> lines;
    private final ListChangeListener<String> onChange = this::changed;

    QatConsole(ObservableList<String> lines) {
        this.lines = lines;
        setId("qatConsole");
        setEditable(false);
        setWrapText(false);
        setFocusTraversable(false);
        setStyle("-fx-font-family: 'monospace'; -fx-font-size: 11.5px;");
        setText(lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
        lines.addListener(onChange);
    }

    private void changed(ListChangeListener.Change<? extends String> c) {
        StringBuilder added = new StringBuilder();
        while (c.next()) {
            if (c.wasRemoved() && !c.wasAdded()) {
                setText(String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"));
                return;
            }
            c.getAddedSubList().forEach(l -> added.append(l).append('\n'));
        }
        appendText(added.toString());
    }

    void dispose() {
        lines.removeListener(onChange);
    }
}
