package org.knime.core.data;

/** Stand-in: builds a column spec. */
public final class DataColumnSpecCreator {
    private String m_name;

    private DataType m_type;

    public DataColumnSpecCreator(final String name, final DataType type) {
        m_name = name;
        m_type = type;
    }

    public DataColumnSpecCreator(final DataColumnSpec cspec) {
        this(cspec.getName(), cspec.getType());
    }

    public void setName(final String name) {
        m_name = name;
    }

    public void setType(final DataType type) {
        m_type = type;
    }

    public DataType getType() {
        return m_type;
    }

    public DataColumnSpec createSpec() {
        return new DataColumnSpec(m_name, m_type);
    }
}
