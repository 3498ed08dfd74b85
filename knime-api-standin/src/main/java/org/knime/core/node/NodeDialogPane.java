package org.knime.core.node;

import java.awt.Component;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.swing.JPanel;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.defaultnodesettings.SettingsModelFlowVariableCompatible;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in: a node's settings dialog (tabs are recorded, nothing is shown). */
public abstract class NodeDialogPane {
    private final Map<String, Component> m_tabs = new LinkedHashMap<>();

    private final List<FlowVariableModel> m_flowVariableModels = new ArrayList<>();

    private final JPanel m_panel = new JPanel();

    protected NodeDialogPane() {
    }

    public final JPanel getPanel() {
        return m_panel;
    }

    /** Loads settings into the dialog; by default forwards to the DataTableSpec[] version when all are tables. */
    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        DataTableSpec[] tableSpecs = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            if (specs[i] != null && !(specs[i] instanceof DataTableSpec)) {
                throw new IllegalStateException("Dialog of a node with non-table ports must override "
                    + "loadSettingsFrom(NodeSettingsRO, PortObjectSpec[])");
            }
            tableSpecs[i] = (DataTableSpec)specs[i];
        }
        loadSettingsFrom(settings, tableSpecs);
    }

    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        throw new IllegalStateException("NodeDialogPane.loadSettingsFrom must be overridden");
    }

    protected abstract void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException;

    public void onOpen() {
    }

    public void onClose() {
    }

    protected final void addTab(final String title, final Component comp) {
        m_tabs.put(title, comp);
    }

    protected final void addTab(final String title, final Component comp, final boolean wrapInScrollPane) {
        m_tabs.put(title, comp);
    }

    protected final void removeTab(final String name) {
        m_tabs.remove(name);
    }

    protected final Component getTab(final String title) {
        return m_tabs.get(title);
    }

    protected final List<String> getTabTitles() {
        return new ArrayList<>(m_tabs.keySet());
    }

    protected FlowVariableModel createFlowVariableModel(final SettingsModelFlowVariableCompatible dc) {
        FlowVariableModel m = new FlowVariableModel(new String[]{dc.getKey()});
        m_flowVariableModels.add(m);
        return m;
    }

    /** Stand-in internal: the flow variable models created by this dialog. */
    final List<FlowVariableModel> flowVariableModels() {
        return m_flowVariableModels;
    }
}
