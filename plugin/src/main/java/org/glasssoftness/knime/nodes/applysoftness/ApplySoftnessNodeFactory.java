package org.glasssoftness.knime.nodes.applysoftness;

import org.glasssoftness.knime.common.GlassSoftnessNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Node "Apply Softness"; its description is ApplySoftnessNodeFactory.xml next to this class. */
public final class ApplySoftnessNodeFactory extends GlassSoftnessNodeFactory<ApplySoftnessNodeModel> {
    public ApplySoftnessNodeFactory() {
        super("Apply Softness", true);
    }

    @Override
    public ApplySoftnessNodeModel createNodeModel() {
        return new ApplySoftnessNodeModel();
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new ApplySoftnessNodeDialog();
    }
}
