package org.glasssoftness.knime.nodes.dcum;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Node "D_cum"; its description is DCumNodeFactory.xml next to this class. */
public final class DCumNodeFactory extends NodeFactory<DCumNodeModel> {
    @Override
    public DCumNodeModel createNodeModel() {
        return new DCumNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    @SuppressWarnings("removal")
    public NodeView<DCumNodeModel> createNodeView(final int viewIndex, final DCumNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("D_cum has no views, asked for view " + viewIndex);
    }

    @Override
    @SuppressWarnings("removal")
    protected boolean hasDialog() {
        return true;
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new DCumNodeDialog();
    }
}
