package org.glasssoftness.knime.nodes.trainlr;

import org.glasssoftness.knime.views.CurveNodeView;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Node "Train LR"; its description is TrainLrNodeFactory.xml next to this class. */
public final class TrainLrNodeFactory extends NodeFactory<TrainLrNodeModel> {
    @Override
    public TrainLrNodeModel createNodeModel() {
        return new TrainLrNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    @SuppressWarnings("removal")
    public NodeView<TrainLrNodeModel> createNodeView(final int viewIndex, final TrainLrNodeModel nodeModel) {
        if (viewIndex != 0) {
            throw new IndexOutOfBoundsException("Train LR has one view, asked for view " + viewIndex);
        }
        return new CurveNodeView<>(nodeModel, TrainLrNodeModel::curves);
    }

    @Override
    @SuppressWarnings("removal")
    protected boolean hasDialog() {
        return true;
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new TrainLrNodeDialog();
    }
}
