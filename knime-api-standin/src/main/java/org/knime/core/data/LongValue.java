package org.knime.core.data;

/** Stand-in: a cell that has a long value. */
public interface LongValue extends DataValue {
    long getLongValue();
}
