package org.glasssoftness.knime.nodes.applysoftness;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of Apply Softness: output form, strain axis, frames. */
final class ApplySoftnessNodeDialog extends DefaultNodeSettingsPane {
    ApplySoftnessNodeDialog() {
        createNewGroup("Softness");
        addDialogComponent(new DialogComponentBoolean(ApplySoftnessNodeModel.createRawModel(), "Raw decision value w.x'+b instead of the distance"));
        addDialogComponent(new DialogComponentString(ApplySoftnessNodeModel.createAxisModel(), "Tension axis (x, y, z)", true, 4));
        addDialogComponent(new DialogComponentString(ApplySoftnessNodeModel.createCoordinationModel(),
            "Histogram groups by coordination (SPECIES:CUTOFF, empty = species)", false, 8));
        addDialogComponent(new DialogComponentNumber(ApplySoftnessNodeModel.createBinsModel(), "Histogram bins", 1));
        closeCurrentGroup();
        createNewGroup("P(rearrange | S) (optional label input)");
        addDialogComponent(new DialogComponentString(ApplySoftnessNodeModel.createLabelColumnModel(), "Label column", false, 12));
        addDialogComponent(new DialogComponentString(ApplySoftnessNodeModel.createThresholdModel(), "Threshold (empty = 0/1 labels)", false, 8));
        closeCurrentGroup();
        createNewGroup("Frames");
        addDialogComponent(new DialogComponentNumber(ApplySoftnessNodeModel.createFirstFrameModel(), "First frame", 1));
        addDialogComponent(new DialogComponentNumber(ApplySoftnessNodeModel.createLastFrameModel(), "Last frame (-1 = last)", 1));
        addDialogComponent(new DialogComponentNumber(ApplySoftnessNodeModel.createStrideModel(), "Stride", 1));
        closeCurrentGroup();
    }
}
