package org.knime.core.data;

/** Stand-in: marker of what a cell can be read as. */
public interface DataValue {
}
