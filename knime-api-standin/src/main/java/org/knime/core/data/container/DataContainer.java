package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowIterator;

/**
 * Stand-in: collects rows in memory. Like KNIME it checks each row against the spec (cell count, cell types) and
 * refuses duplicate row keys.
 */
public class DataContainer {
    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows = new ArrayList<>();

    private final Set<String> m_keys = new HashSet<>();

    private boolean m_closed;

    public DataContainer(final DataTableSpec spec) {
        m_spec = spec;
    }

    public void addRowToTable(final DataRow row) {
        if (m_closed) {
            throw new IllegalStateException("Cannot add rows to a closed container");
        }
        if (row.getNumCells() != m_spec.getNumColumns()) {
            throw new IllegalArgumentException("Row \"" + row.getKey() + "\" has " + row.getNumCells()
                + " cells, the spec has " + m_spec.getNumColumns() + " columns");
        }
        for (int i = 0; i < row.getNumCells(); i++) {
            DataCell c = row.getCell(i);
            if (!c.isMissing() && !c.getType().equals(m_spec.getColumnSpec(i).getType())) {
                throw new IllegalArgumentException("Row \"" + row.getKey() + "\", column \""
                    + m_spec.getColumnSpec(i).getName() + "\": cell type " + c.getType() + " does not match "
                    + m_spec.getColumnSpec(i).getType());
            }
        }
        if (!m_keys.add(row.getKey().getString())) {
            throw new IllegalArgumentException("Duplicate row key \"" + row.getKey() + "\"");
        }
        m_rows.add(row);
    }

    public void close() {
        m_closed = true;
    }

    public boolean isClosed() {
        return m_closed;
    }

    public boolean isOpen() {
        return !m_closed;
    }

    public long size() {
        return m_rows.size();
    }

    public DataTableSpec getTableSpec() {
        return m_spec;
    }

    /** The rows added so far (stand-in internal). */
    protected final List<DataRow> rows() {
        return Collections.unmodifiableList(m_rows);
    }

    public DataTable getTable() {
        if (!m_closed) {
            throw new IllegalStateException("Cannot get table: container is not closed.");
        }
        final List<DataRow> rows = rows();
        return new DataTable() {
            @Override
            public DataTableSpec getDataTableSpec() {
                return m_spec;
            }

            @Override
            public RowIterator iterator() {
                return CloseableRowIterator.from(rows.iterator());
            }
        };
    }
}
