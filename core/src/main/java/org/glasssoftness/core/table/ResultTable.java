package org.glasssoftness.core.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A plain column-oriented result table, the one form every engine analysis returns: the CLI writes it as CSV, the
 * KNIME nodes turn it into a BufferedDataTable. Column names carry units (e.g. {@code r_A}, {@code g_B-O}).
 */
public final class ResultTable {
    /** Cell type of a column. */
    public enum Type { DOUBLE, INT, LONG, STRING }

    /** One column: name, type and values (double[], int[], long[] or String[]). */
    public record Column(String name, Type type, Object values) {
        public int size() {
            switch (type) {
                case DOUBLE: return ((double[]) values).length;
                case INT: return ((int[]) values).length;
                case LONG: return ((long[]) values).length;
                default: return ((String[]) values).length;
            }
        }

        /** The cell at row r rendered as text (doubles in shortest round-trip form). */
        public String text(int r) {
            switch (type) {
                case DOUBLE: return Double.toString(((double[]) values)[r]);
                case INT: return Integer.toString(((int[]) values)[r]);
                case LONG: return Long.toString(((long[]) values)[r]);
                default: return ((String[]) values)[r];
            }
        }

        public double[] doubles() { return (double[]) values; }
        public int[] ints() { return (int[]) values; }
        public long[] longs() { return (long[]) values; }
        public String[] strings() { return (String[]) values; }
    }

    private final String name;
    private final List<Column> columns;
    private final int rowCount;

    private ResultTable(String name, List<Column> columns) {
        this.name = name;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        int n = columns.isEmpty() ? 0 : columns.get(0).size();
        for (Column c : columns) {
            if (c.size() != n) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, expected " + n);
            }
        }
        this.rowCount = n;
    }

    public static Builder builder(String name) { return new Builder(name); }

    /** Table name, used as the CSV file stem (e.g. "rdf" gives rdf.csv). */
    public String name() { return name; }
    public List<Column> columns() { return columns; }
    public int rowCount() { return rowCount; }
    public int columnCount() { return columns.size(); }

    public Column column(String columnName) {
        for (Column c : columns) if (c.name().equals(columnName)) return c;
        throw new IllegalArgumentException("table " + name + " has no column " + columnName);
    }

    /** Builds a table column by column; every column must have the same length. */
    public static final class Builder {
        private final String name;
        private final List<Column> cols = new ArrayList<>();

        private Builder(String name) { this.name = name; }

        private Builder add(String n, Type t, Object v) {
            for (Column c : cols) {
                if (c.name().equals(n)) throw new IllegalArgumentException("duplicate column name " + n);
            }
            cols.add(new Column(n, t, v));
            return this;
        }

        public Builder doubles(String n, double[] v) { return add(n, Type.DOUBLE, v); }
        public Builder ints(String n, int[] v) { return add(n, Type.INT, v); }
        public Builder longs(String n, long[] v) { return add(n, Type.LONG, v); }
        public Builder strings(String n, String[] v) { return add(n, Type.STRING, v); }

        public ResultTable build() { return new ResultTable(name, cols); }
    }
}
