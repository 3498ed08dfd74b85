package org.glasssoftness.knime.nodes.applysoftness;

import org.glasssoftness.knime.views.CurveNodeView;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Node "Apply Softness"; its description is ApplySoftnessNodeFactory.xml next to this class. */
public final class ApplySoftnessNodeFactory extends NodeFactory<ApplySoftnessNodeModel> {
    @Override
    public ApplySoftnessNodeModel createNodeModel() {
        return new ApplySoftnessNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    @SuppressWarnings("removal")
    public NodeView<ApplySoftnessNodeModel> createNodeView(final int viewIndex, final ApplySoftnessNodeModel nodeModel) {
        if (viewIndex != 0) {
            throw new IndexOutOfBoundsException("Apply Softness has one view, asked for view " + viewIndex);
        }
        return new CurveNodeView<>(nodeModel, ApplySoftnessNodeModel::curves);
    }

    @Override
    @SuppressWarnings("removal")
    protected boolean hasDialog() {
        return true;
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new ApplySoftnessNodeDialog();
    }
}
