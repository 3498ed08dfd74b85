package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.FlowVariableModel;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in of KNIME's DialogComponentFileChooser (no real Swing widgets: the model holds the value). */
public class DialogComponentFileChooser extends DialogComponent {
    private final FlowVariableModel m_fvm;

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final String... validExtensions) {
        this(stringModel, historyID, 0, false, null, validExtensions);
    }

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final boolean directoryOnly) {
        this(stringModel, historyID, dialogType, directoryOnly, null, new String[0]);
    }

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final String... validExtensions) {
        this(stringModel, historyID, dialogType, false, null, validExtensions);
    }

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final boolean directoryOnly, final String... validExtensions) {
        this(stringModel, historyID, dialogType, directoryOnly, null, validExtensions);
    }

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final boolean directoryOnly, final FlowVariableModel fvm,
        final String... validExtensions) {
        super(stringModel);
        m_fvm = fvm;
    }

    public void setBorderTitle(final String newTitle) {
    }

    public void setAllowRemoteURLs(final boolean b) {
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
        String v = ((SettingsModelString)getModel()).getStringValue();
        if (m_fvm == null || !m_fvm.isVariableReplacementEnabled()) {
            if (v == null || v.trim().isEmpty()) {
                throw new InvalidSettingsException("Please specify a filename.");
            }
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
