package org.knime.core.node;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.DataContainer;

/** Stand-in: collects rows for a BufferedDataTable; created by {@link ExecutionContext#createDataContainer}. */
public class BufferedDataContainer extends DataContainer {
    BufferedDataContainer(final DataTableSpec spec) {
        super(spec);
    }

    @Override
    public BufferedDataTable getTable() {
        if (!isClosed()) {
            throw new IllegalStateException("Cannot get table: container is not closed.");
        }
        return new BufferedDataTable(getTableSpec(), rows());
    }
}
