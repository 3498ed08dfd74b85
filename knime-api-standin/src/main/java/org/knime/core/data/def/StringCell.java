package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.StringValue;

/** Stand-in of KNIME's StringCell. */
@SuppressWarnings("serial")
public final class StringCell extends DataCell implements StringValue {
    public static final DataType TYPE = DataType.getType(StringCell.class);

    private final String m_value;

    public StringCell(final String value) {
        m_value = value;
    }

    @Override
    public String getStringValue() {
        return m_value;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((StringCell)dc).m_value.equals(m_value);
    }

    @Override
    public int hashCode() {
        return m_value.hashCode();
    }

    @Override
    public String toString() {
        return String.valueOf(m_value);
    }
}
