package org.glasssoftness.knime.nodes.dcum;

import org.glasssoftness.knime.common.GlassSoftnessNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Node "D_cum"; its description is DCumNodeFactory.xml next to this class. */
public final class DCumNodeFactory extends GlassSoftnessNodeFactory<DCumNodeModel> {
    public DCumNodeFactory() {
        super("D_cum", true);
    }

    @Override
    public DCumNodeModel createNodeModel() {
        return new DCumNodeModel();
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new DCumNodeDialog();
    }
}
