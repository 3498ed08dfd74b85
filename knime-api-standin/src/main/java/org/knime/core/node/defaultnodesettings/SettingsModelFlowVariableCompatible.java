package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.workflow.FlowVariable;

/** Stand-in: a settings model that a flow variable can control. */
public interface SettingsModelFlowVariableCompatible {
    public String getKey();

    public FlowVariable.Type getFlowVariableType();
}
