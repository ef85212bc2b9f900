package dev.quantlab.app.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes a {@link DataTable} as RFC 4180 CSV (comma separated, quoted where needed, CRLF line ends). */
public final class CsvWriter {
    private CsvWriter() { }

    public static String toCsv(DataTable table) {
        StringBuilder sb = new StringBuilder();
        appendRow(sb, table.headers());
        table.rows().forEach(r -> appendRow(sb, r));
        return sb.toString();
    }

    public static void write(DataTable table, OutputStream out) throws IOException {
        out.write(toCsv(table).getBytes(StandardCharsets.UTF_8));
    }

    private static void appendRow(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(cells.get(i)));
        }
        sb.append("\r\n");
    }

    static String quote(String cell) {
        String c = cell == null ? "" : cell;
        if (c.indexOf(',') < 0 && c.indexOf('"') < 0 && c.indexOf('\n') < 0 && c.indexOf('\r') < 0) {
            return c;
        }
        return '"' + c.replace("\"", "\"\"") + '"';
    }
}
