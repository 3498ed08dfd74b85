package org.glasssoftness.knime.nodes.radialfeatures;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Node "Radial Features"; its description is RadialFeaturesNodeFactory.xml next to this class. */
public final class RadialFeaturesNodeFactory extends NodeFactory<RadialFeaturesNodeModel> {
    @Override
    public RadialFeaturesNodeModel createNodeModel() {
        return new RadialFeaturesNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    @SuppressWarnings("removal")
    public NodeView<RadialFeaturesNodeModel> createNodeView(final int viewIndex, final RadialFeaturesNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("Radial Features has no views, asked for view " + viewIndex);
    }

    @Override
    @SuppressWarnings("removal")
    protected boolean hasDialog() {
        return true;
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new RadialFeaturesNodeDialog();
    }
}
