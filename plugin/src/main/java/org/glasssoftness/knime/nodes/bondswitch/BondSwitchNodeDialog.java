package org.glasssoftness.knime.nodes.bondswitch;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of Bond-Switch Label: bonds, strain, switched classes, frame range. */
final class BondSwitchNodeDialog extends DefaultNodeSettingsPane {
    BondSwitchNodeDialog() {
        createNewGroup("Bonds");
        addDialogComponent(new DialogComponentString(BondSwitchNodeModel.createSpeciesModel(), "Centre species", true, 6));
        addDialogComponent(new DialogComponentString(BondSwitchNodeModel.createPartnerModel(), "Partner species", true, 6));
        addDialogComponent(new DialogComponentNumber(BondSwitchNodeModel.createCutoffModel(), "Bond cutoff (Å)", 0.05));
        closeCurrentGroup();
        createNewGroup("Strain and label");
        addDialogComponent(new DialogComponentString(BondSwitchNodeModel.createAxisModel(), "Strain axis (x, y, z)", true, 2));
        addDialogComponent(new DialogComponentString(BondSwitchNodeModel.createStrainModel(),
            "Strain of the per-atom table (empty = last frame)", false, 8));
        addDialogComponent(new DialogComponentString(BondSwitchNodeModel.createSwitchedModel(),
            "Classes counted as switched", true, 24));
        closeCurrentGroup();
        createNewGroup("Frames");
        addDialogComponent(new DialogComponentNumber(BondSwitchNodeModel.createFirstFrameModel(), "First frame (reference)", 1));
        addDialogComponent(new DialogComponentNumber(BondSwitchNodeModel.createLastFrameModel(), "Last frame (-1 = last)", 1));
        addDialogComponent(new DialogComponentNumber(BondSwitchNodeModel.createStrideModel(), "Stride", 1));
        addDialogComponent(new DialogComponentNumber(BondSwitchNodeModel.createThreadsModel(), "Threads (0 = all)", 1));
        closeCurrentGroup();
    }
}
