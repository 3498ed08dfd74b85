package org.knime.core.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stand-in: the type of a column, identified by its cell class. */
public final class DataType {
    private static final Map<Class<? extends DataCell>, DataType> TYPES = new ConcurrentHashMap<>();

    private final Class<? extends DataCell> m_cellClass;

    private final List<Class<? extends DataValue>> m_valueClasses;

    private DataType(final Class<? extends DataCell> cellClass) {
        m_cellClass = cellClass;
        List<Class<? extends DataValue>> values = new ArrayList<>();
        collect(cellClass, values);
        m_valueClasses = Collections.unmodifiableList(values);
    }

    private static void collect(final Class<?> c, final List<Class<? extends DataValue>> out) {
        if (c == null) {
            return;
        }
        for (Class<?> i : c.getInterfaces()) {
            if (DataValue.class.isAssignableFrom(i) && !out.contains(i)) {
                out.add(i.asSubclass(DataValue.class));
            }
            collect(i, out);
        }
        collect(c.getSuperclass(), out);
    }

    public static DataType getType(final Class<? extends DataCell> cell) {
        return TYPES.computeIfAbsent(cell, DataType::new);
    }

    public boolean isCompatible(final Class<? extends DataValue> valueClass) {
        return m_valueClasses.contains(valueClass);
    }

    public Class<? extends DataValue> getPreferredValueClass() {
        return m_valueClasses.isEmpty() ? DataValue.class : m_valueClasses.get(0);
    }

    public List<Class<? extends DataValue>> getValueClasses() {
        return m_valueClasses;
    }

    /** Stand-in only (the real class has no such method): the cell class. */
    Class<? extends DataCell> cellClass() {
        return m_cellClass;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof DataType && ((DataType)other).m_cellClass == m_cellClass;
    }

    @Override
    public int hashCode() {
        return m_cellClass.hashCode();
    }

    @Override
    public String toString() {
        return m_cellClass.getSimpleName().replace("Cell", "");
    }
}
