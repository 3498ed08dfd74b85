package org.glasssoftness.knime.nodes.msd;

import org.glasssoftness.knime.common.GlassSoftnessNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Node "MSD"; its description is MsdNodeFactory.xml next to this class. */
public final class MsdNodeFactory extends GlassSoftnessNodeFactory<MsdNodeModel> {
    public MsdNodeFactory() {
        super("MSD", true);
    }

    @Override
    public MsdNodeModel createNodeModel() {
        return new MsdNodeModel();
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new MsdNodeDialog();
    }
}
