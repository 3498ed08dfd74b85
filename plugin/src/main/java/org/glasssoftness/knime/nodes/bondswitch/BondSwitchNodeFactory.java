package org.glasssoftness.knime.nodes.bondswitch;

import org.glasssoftness.knime.views.CurveNodeView;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Node "Bond-Switch Label"; its description is BondSwitchNodeFactory.xml next to this class. */
public final class BondSwitchNodeFactory extends NodeFactory<BondSwitchNodeModel> {
    @Override
    public BondSwitchNodeModel createNodeModel() {
        return new BondSwitchNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    @SuppressWarnings("removal")
    public NodeView<BondSwitchNodeModel> createNodeView(final int viewIndex, final BondSwitchNodeModel nodeModel) {
        if (viewIndex != 0) {
            throw new IndexOutOfBoundsException("Bond-Switch Label has one view, asked for view " + viewIndex);
        }
        return new CurveNodeView<>(nodeModel, BondSwitchNodeModel::curves);
    }

    @Override
    @SuppressWarnings("removal")
    protected boolean hasDialog() {
        return true;
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new BondSwitchNodeDialog();
    }
}
