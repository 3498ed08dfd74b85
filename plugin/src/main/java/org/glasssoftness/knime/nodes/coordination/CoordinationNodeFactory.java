package org.glasssoftness.knime.nodes.coordination;

import org.glasssoftness.knime.common.GlassSoftnessNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Node "Coordination Analysis"; its description is CoordinationNodeFactory.xml next to this class. */
public final class CoordinationNodeFactory extends GlassSoftnessNodeFactory<CoordinationNodeModel> {
    public CoordinationNodeFactory() {
        super("Coordination Analysis", false);
    }

    @Override
    public CoordinationNodeModel createNodeModel() {
        return new CoordinationNodeModel();
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new CoordinationNodeDialog();
    }
}
