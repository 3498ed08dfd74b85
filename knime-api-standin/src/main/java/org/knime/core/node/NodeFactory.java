package org.knime.core.node;

/** Stand-in: creates a node's model, dialog and views; the description comes from &lt;Factory&gt;.xml. */
public abstract class NodeFactory<T extends NodeModel> {
    protected NodeFactory() {
    }

    public abstract T createNodeModel();

    protected abstract int getNrNodeViews();

    @Deprecated(since = "5.6", forRemoval = true)
    public abstract NodeView<T> createNodeView(final int viewIndex, final T nodeModel);

    @Deprecated(since = "5.6", forRemoval = true)
    protected abstract boolean hasDialog();

    @Deprecated(since = "5.6", forRemoval = true)
    protected abstract NodeDialogPane createNodeDialogPane();
}
