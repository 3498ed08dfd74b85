package org.knime.core.node;

import org.knime.core.data.DataTableSpec;

/** Stand-in: an ExecutionMonitor that also creates tables. Tests get one from {@link StandinNodeRunner}. */
public class ExecutionContext extends ExecutionMonitor {
    ExecutionContext(final NodeProgressMonitor progMon) {
        super(progMon);
    }

    private ExecutionContext(final NodeProgressMonitor progMon, final double offset, final double scale) {
        super(progMon, offset, scale);
    }

    public BufferedDataContainer createDataContainer(final DataTableSpec spec) {
        return new BufferedDataContainer(spec);
    }

    public BufferedDataContainer createDataContainer(final DataTableSpec spec, final boolean initDomain) {
        return new BufferedDataContainer(spec);
    }

    public ExecutionContext createSubExecutionContext(final double maxProg) {
        return new ExecutionContext(getProgressMonitor(), currentFraction(), scale() * maxProg);
    }
}
