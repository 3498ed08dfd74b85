package org.knime.core.node;

/** Stand-in: links a dialog setting to a flow variable (created by NodeDialogPane). */
public class FlowVariableModel {
    private final String[] m_keys;

    private String m_inputVariableName;

    FlowVariableModel(final String[] keys) {
        m_keys = keys.clone();
    }

    public String[] getKeys() {
        return m_keys.clone();
    }

    public String getInputVariableName() {
        return m_inputVariableName;
    }

    public void setInputVariableName(final String variableName) {
        m_inputVariableName = variableName;
    }

    public boolean isVariableReplacementEnabled() {
        return m_inputVariableName != null;
    }
}
