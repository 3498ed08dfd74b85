package org.glasssoftness.knime.nodes.trainlr;

import org.glasssoftness.knime.common.GlassSoftnessNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Node "Train LR"; its description is TrainLrNodeFactory.xml next to this class. */
public final class TrainLrNodeFactory extends GlassSoftnessNodeFactory<TrainLrNodeModel> {
    public TrainLrNodeFactory() {
        super("Train LR", true);
    }

    @Override
    public TrainLrNodeModel createNodeModel() {
        return new TrainLrNodeModel();
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new TrainLrNodeDialog();
    }
}
