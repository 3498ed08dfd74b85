package org.glasssoftness.core.table;

import java.util.Arrays;

/** Copies of a {@link ResultTable} with a new name or an added column. */
public final class ResultTables {
    private ResultTables() { }

    /** The same columns under another table name (the CSV file name of {@code CsvTableWriter.writeInto}). */
    public static ResultTable renamed(ResultTable t, String name) {
        return copy(t, ResultTable.builder(name)).build();
    }

    /** A copy with a leading STRING column holding one value in every row (e.g. the sample name). */
    public static ResultTable withLeadingColumn(ResultTable t, String column, String value) {
        String[] v = new String[t.rowCount()];
        Arrays.fill(v, value);
        return copy(t, ResultTable.builder(t.name()).strings(column, v)).build();
    }

    /** A copy with a trailing STRING column (one value per row). */
    public static ResultTable withColumn(ResultTable t, String column, String[] values) {
        if (values.length != t.rowCount()) {
            throw new IllegalArgumentException("column " + column + " has " + values.length + " values, table " + t.name()
                    + " has " + t.rowCount() + " rows");
        }
        return copy(t, ResultTable.builder(t.name())).strings(column, values).build();
    }

    /** A copy with another table's column appended (same row count, same name and type). */
    public static ResultTable withColumn(ResultTable t, ResultTable.Column c) {
        if (c.size() != t.rowCount()) {
            throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " values, table " + t.name()
                    + " has " + t.rowCount() + " rows");
        }
        ResultTable.Builder b = copy(t, ResultTable.builder(t.name()));
        add(b, c);
        return b.build();
    }

    private static ResultTable.Builder copy(ResultTable t, ResultTable.Builder b) {
        for (ResultTable.Column c : t.columns()) add(b, c);
        return b;
    }

    private static void add(ResultTable.Builder b, ResultTable.Column c) {
        switch (c.type()) {
            case DOUBLE: b.doubles(c.name(), c.doubles()); break;
            case INT: b.ints(c.name(), c.ints()); break;
            case LONG: b.longs(c.name(), c.longs()); break;
            default: b.strings(c.name(), c.strings());
        }
    }
}
