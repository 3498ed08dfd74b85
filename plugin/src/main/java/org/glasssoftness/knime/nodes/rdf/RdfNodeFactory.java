package org.glasssoftness.knime.nodes.rdf;

import org.glasssoftness.knime.common.GlassSoftnessNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Node "Compute RDF/S(Q)"; its description is RdfNodeFactory.xml next to this class. */
public final class RdfNodeFactory extends GlassSoftnessNodeFactory<RdfNodeModel> {
    public RdfNodeFactory() {
        super("Compute RDF/S(Q)", true);
    }

    @Override
    public RdfNodeModel createNodeModel() {
        return new RdfNodeModel();
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new RdfNodeDialog();
    }
}
