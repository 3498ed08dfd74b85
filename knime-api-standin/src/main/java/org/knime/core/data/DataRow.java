package org.knime.core.data;

/** Stand-in: a row of cells with a key. */
public interface DataRow extends Iterable<DataCell> {
    int getNumCells();

    RowKey getKey();

    DataCell getCell(int index);
}
