package org.glasssoftness.knime.nodes.msd;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of MSD: species, MD timestep, diffusion fit window, frame range. */
final class MsdNodeDialog extends DefaultNodeSettingsPane {
    MsdNodeDialog() {
        createNewGroup("MSD");
        addDialogComponent(new DialogComponentString(MsdNodeModel.createSpeciesModel(),
            "Species (comma-separated; empty = all)", false, 16));
        addDialogComponent(new DialogComponentNumber(MsdNodeModel.createTimestepModel(), "MD timestep (ps)", 0.001));
        closeCurrentGroup();
        createNewGroup("Diffusion fit window (empty = open end)");
        addDialogComponent(new DialogComponentString(MsdNodeModel.createFitStartModel(), "From (ps)", false, 8));
        addDialogComponent(new DialogComponentString(MsdNodeModel.createFitEndModel(), "To (ps)", false, 8));
        closeCurrentGroup();
        createNewGroup("Frames");
        addDialogComponent(new DialogComponentNumber(MsdNodeModel.createFirstFrameModel(), "First frame (time origin)", 1));
        addDialogComponent(new DialogComponentNumber(MsdNodeModel.createLastFrameModel(), "Last frame (-1 = last)", 1));
        addDialogComponent(new DialogComponentNumber(MsdNodeModel.createStrideModel(), "Stride", 1));
        closeCurrentGroup();
    }
}
