package org.knime.core.data;

import java.io.Serializable;

/** Stand-in: an immutable table cell. */
@SuppressWarnings("serial")
public abstract class DataCell implements DataValue, Serializable {
    protected DataCell() {
    }

    public final DataType getType() {
        return DataType.getType(getClass());
    }

    public boolean isMissing() {
        return false;
    }

    @Override
    public abstract String toString();

    @Override
    public final boolean equals(final Object o) {
        return o != null && o.getClass() == getClass() && equalsDataCell((DataCell)o);
    }

    protected abstract boolean equalsDataCell(DataCell dc);

    @Override
    public abstract int hashCode();
}
