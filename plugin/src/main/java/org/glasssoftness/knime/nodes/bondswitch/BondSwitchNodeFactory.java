package org.glasssoftness.knime.nodes.bondswitch;

import org.glasssoftness.knime.common.GlassSoftnessNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Node "Bond-Switch Label"; its description is BondSwitchNodeFactory.xml next to this class. */
public final class BondSwitchNodeFactory extends GlassSoftnessNodeFactory<BondSwitchNodeModel> {
    public BondSwitchNodeFactory() {
        super("Bond-Switch Label", true);
    }

    @Override
    public BondSwitchNodeModel createNodeModel() {
        return new BondSwitchNodeModel();
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new BondSwitchNodeDialog();
    }
}
