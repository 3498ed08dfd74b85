package org.knime.core.data;

import java.util.Objects;

/** Stand-in: the id of a row. */
public final class RowKey {
    private final String m_id;

    public RowKey(final String id) {
        m_id = Objects.requireNonNull(id);
    }

    public String getString() {
        return m_id;
    }

    public static RowKey createRowKey(final long rowIndex) {
        return new RowKey("Row" + rowIndex);
    }

    @Override
    public String toString() {
        return m_id;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof RowKey && ((RowKey)obj).m_id.equals(m_id);
    }

    @Override
    public int hashCode() {
        return m_id.hashCode();
    }
}
