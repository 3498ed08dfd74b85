package org.knime.core.data;

/** Stand-in: a cell that has a double value. */
public interface DoubleValue extends DataValue {
    double getDoubleValue();
}
