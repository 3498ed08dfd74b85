package org.knime.core.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.swing.JComponent;

import org.knime.core.node.port.PortObjectSpec;

/** Stand-in: the columns of a table; names are unique. */
public final class DataTableSpec implements PortObjectSpec, Iterable<DataColumnSpec> {
    private final String m_name;

    private final List<DataColumnSpec> m_columns;

    public DataTableSpec() {
        this("default");
    }

    public DataTableSpec(final String name) {
        this(name, new DataColumnSpec[0]);
    }

    public DataTableSpec(final DataColumnSpec... colSpecs) {
        this("default", colSpecs);
    }

    public DataTableSpec(final String name, final DataColumnSpec... colSpecs) {
        m_name = name;
        m_columns = List.of(colSpecs);
        Set<String> seen = new HashSet<>();
        for (DataColumnSpec c : colSpecs) {
            if (!seen.add(c.getName())) {
                throw new IllegalArgumentException("Duplicate column name \"" + c.getName() + "\"");
            }
        }
    }

    public DataTableSpec(final String[] names, final DataType[] types) {
        this("default", names, types);
    }

    public DataTableSpec(final String name, final String[] names, final DataType[] types) {
        this(name, createColumnSpecs(names, types));
    }

    public static final DataColumnSpec[] createColumnSpecs(final String[] names, final DataType[] types) {
        DataColumnSpec[] r = new DataColumnSpec[names.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = new DataColumnSpecCreator(names[i], types[i]).createSpec();
        }
        return r;
    }

    public String getName() {
        return m_name;
    }

    public int getNumColumns() {
        return m_columns.size();
    }

    public DataColumnSpec getColumnSpec(final int index) {
        return m_columns.get(index);
    }

    public DataColumnSpec getColumnSpec(final String column) {
        int i = findColumnIndex(column);
        return i < 0 ? null : m_columns.get(i);
    }

    public int findColumnIndex(final String columnName) {
        for (int i = 0; i < m_columns.size(); i++) {
            if (m_columns.get(i).getName().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }

    public boolean containsName(final String columnName) {
        return findColumnIndex(columnName) >= 0;
    }

    public final String[] getColumnNames() {
        return m_columns.stream().map(DataColumnSpec::getName).toArray(String[]::new);
    }

    public int[] columnsToIndices(final String... columns) {
        int[] r = new int[columns.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = findColumnIndex(columns[i]);
            if (r[i] < 0) {
                throw new IllegalArgumentException("Column \"" + columns[i] + "\" not found in " + this);
            }
        }
        return r;
    }

    public Stream<DataColumnSpec> stream() {
        return m_columns.stream();
    }

    @Override
    public Iterator<DataColumnSpec> iterator() {
        return m_columns.iterator();
    }

    public static String getUniqueColumnName(final DataTableSpec spec, final String columnName) {
        String name = columnName;
        for (int i = 1; spec.containsName(name); i++) {
            name = columnName + " (#" + i + ")";
        }
        return name;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DataTableSpec && ((DataTableSpec)obj).m_columns.equals(m_columns);
    }

    @Override
    public int hashCode() {
        return m_columns.hashCode();
    }

    @Override
    public String toString() {
        return "name=" + m_name + ",columns=" + Arrays.toString(getColumnNames());
    }
}
