package org.knime.core.data;

/** Stand-in: a cell that has a String value. */
public interface StringValue extends DataValue {
    String getStringValue();
}
