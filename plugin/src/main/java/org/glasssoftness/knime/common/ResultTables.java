package org.glasssoftness.knime.common;

import org.glasssoftness.core.table.ResultTable;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;

/** Turns the engine's ResultTable into a KNIME table: same column names, DOUBLE/INT/LONG/STRING cells, keys Row0.. */
public final class ResultTables {
    private ResultTables() {
    }

    /** KNIME type of an engine column type. */
    public static DataType knimeType(final ResultTable.Type type) {
        switch (type) {
            case DOUBLE:
                return DoubleCell.TYPE;
            case INT:
                return IntCell.TYPE;
            case LONG:
                return LongCell.TYPE;
            default:
                return StringCell.TYPE;
        }
    }

    /** The table spec of a result table (column order and names kept). */
    public static DataTableSpec spec(final ResultTable table) {
        return new DataTableSpec(table.name(), table.columns().stream()
            .map(c -> new DataColumnSpecCreator(c.name(), knimeType(c.type())).createSpec())
            .toArray(org.knime.core.data.DataColumnSpec[]::new));
    }

    /** Copies a result table into a BufferedDataTable, checking for cancel every 1000 rows. */
    public static BufferedDataTable toTable(final ResultTable table, final ExecutionContext exec)
        throws CanceledExecutionException {
        BufferedDataContainer out = exec.createDataContainer(spec(table));
        int n = table.rowCount();
        int m = table.columnCount();
        for (int r = 0; r < n; r++) {
            if (r % 1000 == 0) {
                exec.checkCanceled();
                exec.setProgress((double)r / Math.max(1, n));
            }
            DataCell[] cells = new DataCell[m];
            for (int c = 0; c < m; c++) {
                cells[c] = cell(table.columns().get(c), r);
            }
            out.addRowToTable(new DefaultRow(RowKey.createRowKey(r), cells));
        }
        out.close();
        return out.getTable();
    }

    /**
     * Copies several result tables into KNIME tables, in order, each with its share (by row count) of
     * {@code fraction} of {@code exec}'s progress.
     */
    public static BufferedDataTable[] toTables(final ExecutionContext exec, final double fraction,
        final ResultTable... tables) throws CanceledExecutionException {
        long rows = 0;
        for (ResultTable t : tables) {
            rows += t.rowCount();
        }
        BufferedDataTable[] out = new BufferedDataTable[tables.length];
        for (int i = 0; i < tables.length; i++) {
            double share = rows == 0 ? 1.0 / tables.length : (double)tables[i].rowCount() / rows;
            out[i] = toTable(tables[i], exec.createSubExecutionContext(fraction * share));
        }
        return out;
    }

    /** The specs of several result tables, in order. */
    public static DataTableSpec[] specs(final ResultTable... tables) {
        DataTableSpec[] out = new DataTableSpec[tables.length];
        for (int i = 0; i < tables.length; i++) {
            out[i] = spec(tables[i]);
        }
        return out;
    }

    private static DataCell cell(final ResultTable.Column col, final int r) {
        switch (col.type()) {
            case DOUBLE:
                return new DoubleCell(col.doubles()[r]);
            case INT:
                return new IntCell(col.ints()[r]);
            case LONG:
                return new LongCell(col.longs()[r]);
            default:
                return new StringCell(col.strings()[r]);
        }
    }
}
