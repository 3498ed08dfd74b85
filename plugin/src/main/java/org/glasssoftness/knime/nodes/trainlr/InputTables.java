package org.glasssoftness.knime.nodes.trainlr;

import org.glasssoftness.core.table.ResultTable;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.node.BufferedDataTable;

/** KNIME input tables as engine ResultTables (double/int/long/string columns; missing numbers become NaN / 0). */
public final class InputTables {
    private InputTables() {
    }

    /** An empty table with the columns of a spec (for configure-time checks). */
    public static ResultTable empty(final DataTableSpec spec) {
        ResultTable.Builder b = ResultTable.builder(spec.getName() == null ? "table" : spec.getName());
        for (DataColumnSpec c : spec) {
            DataType t = c.getType();
            if (t.equals(DoubleCell.TYPE)) {
                b.doubles(c.getName(), new double[0]);
            } else if (t.equals(IntCell.TYPE)) {
                b.ints(c.getName(), new int[0]);
            } else if (t.equals(LongCell.TYPE)) {
                b.longs(c.getName(), new long[0]);
            } else {
                b.strings(c.getName(), new String[0]);
            }
        }
        return b.build();
    }

    public static ResultTable read(final BufferedDataTable table) {
        DataTableSpec spec = table.getDataTableSpec();
        int n = (int)table.size(), m = spec.getNumColumns();
        Object[] cols = new Object[m];
        for (int c = 0; c < m; c++) {
            DataType t = spec.getColumnSpec(c).getType();
            cols[c] = t.equals(DoubleCell.TYPE) ? new double[n] : t.equals(IntCell.TYPE) ? new int[n]
                : t.equals(LongCell.TYPE) ? new long[n] : new String[n];
        }
        int r = 0;
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                DataRow row = it.next();
                for (int c = 0; c < m; c++) {
                    DataCell cell = row.getCell(c);
                    Object col = cols[c];
                    if (col instanceof double[]) {
                        ((double[])col)[r] = cell.isMissing() ? Double.NaN : ((DoubleValue)cell).getDoubleValue();
                    } else if (col instanceof int[]) {
                        ((int[])col)[r] = cell.isMissing() ? 0 : ((IntValue)cell).getIntValue();
                    } else if (col instanceof long[]) {
                        ((long[])col)[r] = cell.isMissing() ? 0 : ((LongValue)cell).getLongValue();
                    } else {
                        ((String[])col)[r] = cell.isMissing() ? "" : cell instanceof StringValue
                            ? ((StringValue)cell).getStringValue() : cell.toString();
                    }
                }
                r++;
            }
        }
        ResultTable.Builder b = ResultTable.builder(spec.getName() == null ? "table" : spec.getName());
        for (int c = 0; c < m; c++) {
            String name = spec.getColumnSpec(c).getName();
            Object col = cols[c];
            if (col instanceof double[]) {
                b.doubles(name, (double[])col);
            } else if (col instanceof int[]) {
                b.ints(name, (int[])col);
            } else if (col instanceof long[]) {
                b.longs(name, (long[])col);
            } else {
                b.strings(name, (String[])col);
            }
        }
        return b.build();
    }
}
