package org.glasssoftness.knime.testing;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataTable;

/** Reads columns of a BufferedDataTable for assertions. */
public final class Tables {
    private Tables() {
    }

    private static List<DataCell> column(final BufferedDataTable t, final String name) {
        int c = t.getDataTableSpec().findColumnIndex(name);
        if (c < 0) {
            throw new AssertionError("no column " + name + " in " + t.getDataTableSpec());
        }
        List<DataCell> cells = new ArrayList<>();
        try (CloseableRowIterator it = t.iterator()) {
            while (it.hasNext()) {
                DataRow r = it.next();
                cells.add(r.getCell(c));
            }
        }
        return cells;
    }

    public static double[] doubles(final BufferedDataTable t, final String name) {
        return column(t, name).stream().mapToDouble(c -> ((DoubleValue)c).getDoubleValue()).toArray();
    }

    public static long[] longs(final BufferedDataTable t, final String name) {
        return column(t, name).stream().mapToLong(c -> ((LongValue)c).getLongValue()).toArray();
    }

    public static int[] ints(final BufferedDataTable t, final String name) {
        return column(t, name).stream().mapToInt(c -> ((IntValue)c).getIntValue()).toArray();
    }

    public static String[] strings(final BufferedDataTable t, final String name) {
        return column(t, name).stream().map(c -> ((StringValue)c).getStringValue()).toArray(String[]::new);
    }
}
