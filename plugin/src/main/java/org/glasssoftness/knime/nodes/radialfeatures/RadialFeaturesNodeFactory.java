package org.glasssoftness.knime.nodes.radialfeatures;

import org.glasssoftness.knime.common.GlassSoftnessNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Node "Radial Features"; its description is RadialFeaturesNodeFactory.xml next to this class. */
public final class RadialFeaturesNodeFactory extends GlassSoftnessNodeFactory<RadialFeaturesNodeModel> {
    public RadialFeaturesNodeFactory() {
        super("Radial Features", false);
    }

    @Override
    public RadialFeaturesNodeModel createNodeModel() {
        return new RadialFeaturesNodeModel();
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new RadialFeaturesNodeDialog();
    }
}
