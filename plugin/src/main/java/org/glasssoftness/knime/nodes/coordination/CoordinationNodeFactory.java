package org.glasssoftness.knime.nodes.coordination;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Node "Coordination Analysis"; its description is CoordinationNodeFactory.xml next to this class. */
public final class CoordinationNodeFactory extends NodeFactory<CoordinationNodeModel> {
    @Override
    public CoordinationNodeModel createNodeModel() {
        return new CoordinationNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    @SuppressWarnings("removal")
    public NodeView<CoordinationNodeModel> createNodeView(final int viewIndex, final CoordinationNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("Coordination Analysis has no views, asked for view " + viewIndex);
    }

    @Override
    @SuppressWarnings("removal")
    protected boolean hasDialog() {
        return true;
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new CoordinationNodeDialog();
    }
}
