package dev.quantlab.app.export;

import java.util.List;

/**
 * A table to export as CSV: a file base name, column headers and rows of cell texts.
 *
 * @param name    file base name
 * @param headers column names
 * @param rows    cells, one list per row, as many as there are headers
 */
public record DataTable(String name, List<String> headers, List<List<String>> rows) {
    public DataTable {
        FileNames.requireSafe(name);
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> r : rows) {
            if (r.size() != headers.size()) {
                throw new IllegalArgumentException("row " + r + " has " + r.size() + " cells, expected "
                        + headers.size());
            }
        }
    }
}
