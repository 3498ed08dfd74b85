package org.knime.core.node.workflow;

/** Stand-in: only the (deprecated but still used) type enum of flow variables. */
public final class FlowVariable {
    private FlowVariable() {
    }

    /** Flow variable types. */
    public enum Type {
        STRING, DOUBLE, INTEGER, CREDENTIALS, OTHER
    }
}
