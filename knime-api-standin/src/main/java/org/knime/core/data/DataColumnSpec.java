package org.knime.core.data;

import java.util.Objects;

/** Stand-in: name and type of a column. */
public final class DataColumnSpec {
    private final String m_name;

    private final DataType m_type;

    DataColumnSpec(final String name, final DataType type) {
        m_name = Objects.requireNonNull(name, "name");
        m_type = Objects.requireNonNull(type, "type");
    }

    public String getName() {
        return m_name;
    }

    public DataType getType() {
        return m_type;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof DataColumnSpec && ((DataColumnSpec)o).m_name.equals(m_name)
            && ((DataColumnSpec)o).m_type.equals(m_type);
    }

    @Override
    public int hashCode() {
        return m_name.hashCode() ^ m_type.hashCode();
    }

    @Override
    public String toString() {
        return m_name + " (" + m_type + ")";
    }
}
