package org.glasssoftness.core.table;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.glasssoftness.core.io.AtomicFiles;

/** Writes a {@link ResultTable} as CSV with a header row, atomically (temp file, then rename). */
public final class CsvTableWriter {
    private CsvTableWriter() { }

    /** Writes {@code <folder>/<table name>.csv} and returns its path. */
    public static Path writeInto(Path folder, ResultTable table) throws IOException {
        Path file = folder.resolve(table.name() + ".csv");
        write(file, table);
        return file;
    }

    public static void write(Path file, ResultTable table) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            int nc = table.columnCount();
            for (int c = 0; c < nc; c++) {
                if (c > 0) w.write(',');
                w.write(quote(table.columns().get(c).name()));
            }
            w.write('\n');
            for (int r = 0; r < table.rowCount(); r++) {
                for (int c = 0; c < nc; c++) {
                    if (c > 0) w.write(',');
                    ResultTable.Column col = table.columns().get(c);
                    String t = col.text(r);
                    w.write(col.type() == ResultTable.Type.STRING ? quote(t) : t);
                }
                w.write('\n');
            }
            w.flush();
        });
    }

    private static String quote(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
