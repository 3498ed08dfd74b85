package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;

import javax.swing.JPanel;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in: a dialog made of DialogComponents, each loading and saving its settings model. */
public class DefaultNodeSettingsPane extends NodeDialogPane {
    private final List<DialogComponent> m_components = new ArrayList<>();

    private String m_currentGroup;

    public DefaultNodeSettingsPane() {
        addTab("Options", new JPanel());
    }

    public void setDefaultTabTitle(final String tabTitle) {
    }

    public void createNewTab(final String tabTitle) {
        addTab(tabTitle, new JPanel());
    }

    public void selectTab(final String tabTitle) {
    }

    public void createNewGroup(final String title) {
        m_currentGroup = title;
    }

    public void closeCurrentGroup() {
        m_currentGroup = null;
    }

    public void addDialogComponent(final DialogComponent diaC) {
        m_components.add(diaC);
    }

    public void setHorizontalPlacement(final boolean horizontal) {
    }

    @Override
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        for (DialogComponent c : m_components) {
            c.loadSettingsFrom(settings, specs);
        }
        loadAdditionalSettingsFrom(settings, specs);
    }

    @Override
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        for (DialogComponent c : m_components) {
            c.saveSettingsTo(settings);
        }
        saveAdditionalSettingsTo(settings);
    }

    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        DataTableSpec[] ts = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            ts[i] = specs[i] instanceof DataTableSpec ? (DataTableSpec)specs[i] : null;
        }
        loadAdditionalSettingsFrom(settings, ts);
    }

    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
    }

    public void saveAdditionalSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
    }
}
