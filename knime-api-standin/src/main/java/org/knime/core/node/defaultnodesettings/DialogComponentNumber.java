package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.FlowVariableModel;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in of KNIME's DialogComponentNumber (no real Swing widgets: the model holds the value). */
public class DialogComponentNumber extends DialogComponent {
    private final FlowVariableModel m_fvm;

    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize) {
        this(numberModel, label, stepSize, 10, null);
    }

    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize,
        final FlowVariableModel fvm) {
        this(numberModel, label, stepSize, 10, fvm);
    }

    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize,
        final int compWidth) {
        this(numberModel, label, stepSize, compWidth, null);
    }

    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize,
        final int compWidth, final FlowVariableModel fvm) {
        super(numberModel);
        m_fvm = fvm;
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
