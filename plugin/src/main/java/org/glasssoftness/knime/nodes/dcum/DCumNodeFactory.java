package org.glasssoftness.knime.nodes.dcum;

import org.glasssoftness.knime.views.CurveNodeView;
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
        return 1;
    }

    @Override
    @SuppressWarnings("removal")
    public NodeView<DCumNodeModel> createNodeView(final int viewIndex, final DCumNodeModel nodeModel) {
        if (viewIndex != 0) {
            throw new IndexOutOfBoundsException("D_cum has one view, asked for view " + viewIndex);
        }
        return new CurveNodeView<>(nodeModel, DCumNodeModel::curves);
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
