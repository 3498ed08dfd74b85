package org.knime.core.data;

import java.util.Iterator;

/** Stand-in: iterates the rows of a table. */
public abstract class RowIterator implements Iterator<DataRow> {
    @Override
    public abstract boolean hasNext();

    @Override
    public abstract DataRow next();

    @Override
    public final void remove() {
        throw new UnsupportedOperationException();
    }
}
