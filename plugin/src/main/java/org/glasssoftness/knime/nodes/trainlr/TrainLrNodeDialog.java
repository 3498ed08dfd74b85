package org.glasssoftness.knime.nodes.trainlr;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of Train LR: labels, split, regularisation. */
final class TrainLrNodeDialog extends DefaultNodeSettingsPane {
    TrainLrNodeDialog() {
        createNewGroup("Labels");
        addDialogComponent(new DialogComponentString(TrainLrNodeModel.createLabelColumnModel(), "Label column", true, 12));
        addDialogComponent(new DialogComponentString(TrainLrNodeModel.createThresholdModel(), "Threshold (empty = 0/1 labels)", false, 8));
        addDialogComponent(new DialogComponentString(TrainLrNodeModel.createKeysModel(), "Join keys besides id", false, 12));
        addDialogComponent(new DialogComponentString(TrainLrNodeModel.createClassLabelsModel(), "Class names (0,1)", true, 16));
        closeCurrentGroup();
        createNewGroup("Train / test split");
        addDialogComponent(new DialogComponentString(TrainLrNodeModel.createGroupColumnModel(), "Group column", false, 12));
        addDialogComponent(new DialogComponentString(TrainLrNodeModel.createTestGroupsModel(), "Test groups", false, 16));
        closeCurrentGroup();
        createNewGroup("Logistic regression");
        addDialogComponent(new DialogComponentNumber(TrainLrNodeModel.createCModel(), "C (scikit-learn's)", 0.1));
        addDialogComponent(new DialogComponentString(TrainLrNodeModel.createClassWeightModel(), "Class weight (none/balanced)", true, 8));
        addDialogComponent(new DialogComponentNumber(TrainLrNodeModel.createSeedModel(), "Seed", 1));
        addDialogComponent(new DialogComponentNumber(TrainLrNodeModel.createWidthModel(), "Feature L (Å, 0 = dr)", 0.05));
        closeCurrentGroup();
    }
}
