package org.knime.core.node;

import java.io.File;
import java.io.IOException;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** Stand-in of KNIME's node model base class (ports, settings, configure, execute, warnings). */
public abstract class NodeModel {
    private final PortType[] m_inPortTypes;

    private final PortType[] m_outPortTypes;

    private String m_warningMessage;

    private final java.util.Map<String, Object> m_pushedFlowVariables = new java.util.LinkedHashMap<>();

    private final NodeLogger m_logger = NodeLogger.getLogger(getClass());

    protected NodeModel(final int nrInDataPorts, final int nrOutDataPorts) {
        this(tables(nrInDataPorts), tables(nrOutDataPorts));
    }

    protected NodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        m_inPortTypes = inPortTypes.clone();
        m_outPortTypes = outPortTypes.clone();
    }

    private static PortType[] tables(final int n) {
        PortType[] t = new PortType[n];
        java.util.Arrays.fill(t, BufferedDataTable.TYPE);
        return t;
    }

    protected abstract void loadInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void saveInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected final int getNrInPorts() {
        return m_inPortTypes.length;
    }

    protected final int getNrOutPorts() {
        return m_outPortTypes.length;
    }

    protected final PortType getInPortType(final int index) {
        return m_inPortTypes[index];
    }

    protected final PortType getOutPortType(final int index) {
        return m_outPortTypes[index];
    }

    protected abstract void saveSettingsTo(final NodeSettingsWO settings);

    protected abstract void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException;

    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable[] in = new BufferedDataTable[inObjects.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = (BufferedDataTable)inObjects[i];
        }
        return execute(in, exec);
    }

    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        throw new IOException(getClass().getSimpleName() + ": execute(BufferedDataTable[], ...) not implemented");
    }

    protected abstract void reset();

    protected void onDispose() {
    }

    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec[] in = new DataTableSpec[inSpecs.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = (DataTableSpec)inSpecs[i];
        }
        return configure(in);
    }

    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        throw new InvalidSettingsException(getClass().getSimpleName() + ": configure(DataTableSpec[]) not implemented");
    }

    protected final void setWarningMessage(final String warningMessage) {
        m_warningMessage = warningMessage;
    }

    protected final String getWarningMessage() {
        return m_warningMessage;
    }

    /** As KNIME: puts a string flow variable on the node's outgoing flow object stack. */
    protected final void pushFlowVariableString(final String name, final String value) {
        m_pushedFlowVariables.put(name, value);
    }

    /** Stand-in only (read by StandinNodeRunner): the flow variables this node pushed, in push order. */
    final java.util.Map<String, Object> pushedFlowVariables() {
        return java.util.Collections.unmodifiableMap(m_pushedFlowVariables);
    }

    protected final NodeLogger getLogger() {
        return m_logger;
    }
}
