package org.glasssoftness.knime.nodes.msd;

import org.glasssoftness.knime.views.CurveNodeView;
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
        return 1;
    }

    @Override
    @SuppressWarnings("removal")
    public NodeView<MsdNodeModel> createNodeView(final int viewIndex, final MsdNodeModel nodeModel) {
        if (viewIndex != 0) {
            throw new IndexOutOfBoundsException("MSD has one view, asked for view " + viewIndex);
        }
        return new CurveNodeView<>(nodeModel, MsdNodeModel::curves);
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
