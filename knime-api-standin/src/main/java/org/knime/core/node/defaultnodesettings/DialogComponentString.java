package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.FlowVariableModel;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in of KNIME's DialogComponentString (no real Swing widgets: the model holds the value). */
public final class DialogComponentString extends DialogComponent {
    private final FlowVariableModel m_fvm;

    public DialogComponentString(final SettingsModelString stringModel, final String label) {
        this(stringModel, label, false, 10);
    }

    public DialogComponentString(final SettingsModelString stringModel, final String label,
        final boolean disallowEmptyString, final int compWidth) {
        this(stringModel, label, disallowEmptyString, compWidth, null);
    }

    public DialogComponentString(final SettingsModelString stringModel, final String label,
        final boolean disallowEmptyString, final int compWidth, final FlowVariableModel fvm) {
        super(stringModel);
        m_fvm = fvm;
        m_disallowEmpty = disallowEmptyString;
    }

    private final boolean m_disallowEmpty;

    /** The flow variable model passed at construction, or null (stand-in accessor for tests). */
    FlowVariableModel flowVariableModel() {
        return m_fvm;
    }

    @Override
    protected void updateComponent() {
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        String v = ((SettingsModelString)getModel()).getStringValue();
        if (m_disallowEmpty && (v == null || v.isEmpty())) {
            throw new InvalidSettingsException("Please enter a string value.");
        }
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
