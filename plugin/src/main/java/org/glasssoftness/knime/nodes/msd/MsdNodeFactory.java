package org.glasssoftness.knime.nodes.msd;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Node "MSD"; its description is MsdNodeFactory.xml next to this class. */
public final class MsdNodeFactory extends NodeFactory<MsdNodeModel> {
    @Override
    public MsdNodeModel createNodeModel() {
        return new MsdNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    @SuppressWarnings("removal")
    public NodeView<MsdNodeModel> createNodeView(final int viewIndex, final MsdNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("MSD has no views, asked for view " + viewIndex);
    }

    @Override
    @SuppressWarnings("removal")
    protected boolean hasDialog() {
        return true;
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new MsdNodeDialog();
    }
}
