package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.FlowVariableModel;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in of KNIME's DialogComponentBoolean (no real Swing widgets: the model holds the value). */
public final class DialogComponentBoolean extends DialogComponent {
    private final FlowVariableModel m_fvm;

    public DialogComponentBoolean(final SettingsModelBoolean booleanModel, final String label) {
        super(booleanModel);
        m_fvm = null;
    }

    public boolean isSelected() {
        return ((SettingsModelBoolean)getModel()).getBooleanValue();
    }

    /** The flow variable model passed at construction, or null (stand-in accessor for tests). */
    FlowVariableModel flowVariableModel() {
        return m_fvm;
    }

    @Override
    protected void updateComponent() {
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {

    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
    }

    @Override
    public void setToolTipText(final String text) {
    }
}
