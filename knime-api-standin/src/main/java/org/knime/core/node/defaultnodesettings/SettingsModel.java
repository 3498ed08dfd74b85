package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.config.Config;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in of KNIME's settings model: a value shared by NodeModel and dialog. Like KNIME it writes
 * {@code <key>_Internals} (SettingsModelID, EnabledStatus) next to its value.
 */
public abstract class SettingsModel {
    public static final String CFGKEY_INTERNAL = "_Internals";

    private static final String CFGKEY_MODELID = "SettingsModelID";

    private static final String CFGKEY_ENABLESTAT = "EnabledStatus";

    private boolean m_enabled = true;

    public SettingsModel() {
    }

    protected abstract <T extends SettingsModel> T createClone();

    protected abstract String getModelTypeID();

    protected abstract String getConfigName();

    protected abstract void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException;

    protected abstract void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException;

    protected abstract void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void saveSettingsForModel(final NodeSettingsWO settings);

    @Override
    public abstract String toString();

    public boolean isEnabled() {
        return m_enabled;
    }

    public void setEnabled(final boolean enabled) {
        m_enabled = enabled;
    }

    @SuppressWarnings("unchecked")
    public final <T extends SettingsModel> T createCloneWithValidatedValue(final NodeSettingsRO settings)
        throws InvalidSettingsException {
        T clone = (T)createClone();
        clone.loadSettingsFrom(settings);
        return clone;
    }

    final void dlgLoadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            readEnableStatusAndCheckModelID(settings);
        } catch (InvalidSettingsException e) {
            // keep the current enable status, as KNIME does
        }
        loadSettingsForDialog(settings, specs);
    }

    final void dlgSaveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveEnableStatusAndModelID(settings);
        saveSettingsForDialog(settings);
    }

    public final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        boolean old = m_enabled;
        readEnableStatusAndCheckModelID(settings);
        boolean settingsEnabled = m_enabled;
        m_enabled = old;
        if (settingsEnabled) {
            validateSettingsForModel(settings);
        }
    }

    public final void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        readEnableStatusAndCheckModelID(settings);
        try {
            loadSettingsForModel(settings);
        } catch (InvalidSettingsException ise) {
            if (m_enabled) {
                throw ise;
            }
        }
    }

    public final void saveSettingsTo(final NodeSettingsWO settings) {
        saveEnableStatusAndModelID(settings);
        saveSettingsForModel(settings);
    }

    private void readEnableStatusAndCheckModelID(final NodeSettingsRO settings) throws InvalidSettingsException {
        Config idCfg;
        try {
            idCfg = settings.getConfig(getConfigName() + CFGKEY_INTERNAL);
        } catch (InvalidSettingsException ise) {
            return; // older settings have no internals
        }
        String id = idCfg.getString(CFGKEY_MODELID);
        m_enabled = idCfg.getBoolean(CFGKEY_ENABLESTAT);
        if (!getModelTypeID().equals(id)) {
            throw new IllegalStateException("Incorrect Implementation: settings of \"" + getConfigName()
                + "\" were written by " + id + ", read by " + getModelTypeID());
        }
    }

    private void saveEnableStatusAndModelID(final NodeSettingsWO settings) {
        Config intCfg = settings.addConfig(getConfigName() + CFGKEY_INTERNAL);
        intCfg.addString(CFGKEY_MODELID, getModelTypeID());
        intCfg.addBoolean(CFGKEY_ENABLESTAT, m_enabled);
    }
}
