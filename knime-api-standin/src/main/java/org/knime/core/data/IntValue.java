package org.knime.core.data;

/** Stand-in: a cell that has a int value. */
public interface IntValue extends DataValue {
    int getIntValue();
}
