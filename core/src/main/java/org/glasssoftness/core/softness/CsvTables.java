package org.glasssoftness.core.softness;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.glasssoftness.core.table.ResultTable;

/**
 * Reads a CSV with a header row (as written by {@code CsvTableWriter}) into a {@link ResultTable}: a column whose
 * cells are all integers becomes LONG, all numbers DOUBLE (empty cells NaN), otherwise STRING. Quoted cells with
 * doubled quotes are understood. Every row must have as many cells as the header.
 */
public final class CsvTables {
    private CsvTables() { }

    public static ResultTable read(Path file) throws IOException {
        String stem = file.getFileName().toString().replaceFirst("\\.csv$", "");
        List<String> header;
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (line == null) throw new IOException(file + ": empty file, expected a CSV header row");
            header = split(line);
            int no = 1;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isEmpty()) continue;
                List<String> cells = split(line);
                if (cells.size() != header.size()) {
                    throw new IOException(file + ":" + no + ": " + cells.size() + " cells, header has " + header.size());
                }
                rows.add(cells.toArray(new String[0]));
            }
        }
        ResultTable.Builder b = ResultTable.builder(stem);
        int n = rows.size();
        for (int c = 0; c < header.size(); c++) {
            boolean allLong = true, allNum = true;
            for (String[] row : rows) {
                String s = row[c].trim();
                if (s.isEmpty()) { allLong = false; continue; }
                if (allLong && !isLong(s)) allLong = false;
                if (!allLong && allNum) {
                    try { Double.parseDouble(s); } catch (NumberFormatException e) { allNum = false; }
                }
            }
            if (n > 0 && allLong) {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) v[i] = Long.parseLong(rows.get(i)[c].trim().replace("+", ""));
                b.longs(header.get(c), v);
            } else if (n > 0 && allNum) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    String s = rows.get(i)[c].trim();
                    v[i] = s.isEmpty() ? Double.NaN : Double.parseDouble(s);
                }
                b.doubles(header.get(c), v);
            } else {
                String[] v = new String[n];
                for (int i = 0; i < n; i++) v[i] = rows.get(i)[c];
                b.strings(header.get(c), v);
            }
        }
        return b.build();
    }

    /** Row-wise concatenation of tables with the same column names (types unified to the widest). */
    public static ResultTable concat(String name, List<ResultTable> tables) {
        if (tables.isEmpty()) throw new IllegalArgumentException("no tables to concatenate");
        if (tables.size() == 1) return tables.get(0);
        ResultTable first = tables.get(0);
        int n = 0;
        for (ResultTable t : tables) {
            n += t.rowCount();
            List<String> names = new ArrayList<>();
            for (ResultTable.Column c : t.columns()) names.add(c.name());
            List<String> want = new ArrayList<>();
            for (ResultTable.Column c : first.columns()) want.add(c.name());
            if (!names.equals(want)) throw new IllegalArgumentException("table " + t.name() + " has columns " + names + ", expected " + want);
        }
        ResultTable.Builder b = ResultTable.builder(name);
        for (int c = 0; c < first.columnCount(); c++) {
            String cn = first.columns().get(c).name();
            boolean allLong = true, allNum = true;
            for (ResultTable t : tables) {
                ResultTable.Type ty = t.columns().get(c).type();
                if (ty != ResultTable.Type.LONG && ty != ResultTable.Type.INT) allLong = false;
                if (ty == ResultTable.Type.STRING) allNum = false;
            }
            int o = 0;
            if (allLong) {
                long[] v = new long[n];
                for (ResultTable t : tables) { double[] d = FeatureTables.numeric(t, cn); for (double x : d) v[o++] = (long) x; }
                b.longs(cn, v);
            } else if (allNum) {
                double[] v = new double[n];
                for (ResultTable t : tables) { double[] d = FeatureTables.numeric(t, cn); System.arraycopy(d, 0, v, o, d.length); o += d.length; }
                b.doubles(cn, v);
            } else {
                String[] v = new String[n];
                for (ResultTable t : tables) for (int r = 0; r < t.rowCount(); r++) v[o++] = t.columns().get(c).text(r);
                b.strings(cn, v);
            }
        }
        return b.build();
    }

    /** An optional sign and 1 to 18 digits (fits a long). */
    private static boolean isLong(String s) {
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        int digits = s.length() - i;
        if (digits < 1 || digits > 18) return false;
        for (; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') { sb.append('"'); i++; }
                    else quoted = false;
                } else sb.append(ch);
            } else if (ch == '"') quoted = true;
            else if (ch == ',') { out.add(sb.toString()); sb.setLength(0); }
            else sb.append(ch);
        }
        out.add(sb.toString());
        return out;
    }
}
