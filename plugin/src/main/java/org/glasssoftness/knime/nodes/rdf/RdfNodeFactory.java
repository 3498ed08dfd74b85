package org.glasssoftness.knime.nodes.rdf;

import org.glasssoftness.knime.views.CurveNodeView;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Node "Compute RDF/S(Q)"; its description is RdfNodeFactory.xml next to this class. */
public final class RdfNodeFactory extends NodeFactory<RdfNodeModel> {
    @Override
    public RdfNodeModel createNodeModel() {
        return new RdfNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    @SuppressWarnings("removal")
    public NodeView<RdfNodeModel> createNodeView(final int viewIndex, final RdfNodeModel nodeModel) {
        if (viewIndex != 0) {
            throw new IndexOutOfBoundsException("Compute RDF/S(Q) has one view, asked for view " + viewIndex);
        }
        return new CurveNodeView<>(nodeModel, RdfNodeModel::curves);
    }

    @Override
    @SuppressWarnings("removal")
    protected boolean hasDialog() {
        return true;
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new RdfNodeDialog();
    }
}
