package org.knime.core.node;

import java.awt.Component;

/** Stand-in: a view of a node model (never shown in tests; the component is kept). */
public abstract class NodeView<T extends NodeModel> {
    private final T m_nodeModel;

    private Component m_component;

    protected NodeView(final T nodeModel) {
        m_nodeModel = nodeModel;
    }

    protected T getNodeModel() {
        return m_nodeModel;
    }

    protected abstract void onClose();

    protected abstract void onOpen();

    protected abstract void modelChanged();

    protected final Component getComponent() {
        return m_component;
    }

    protected final void setComponent(final Component comp) {
        m_component = comp;
    }
}
