package org.glasssoftness.knime.nodes.radialfeatures;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of Radial Features: species, grid, frame, optional angular features. */
final class RadialFeaturesNodeDialog extends DefaultNodeSettingsPane {
    RadialFeaturesNodeDialog() {
        createNewGroup("Species");
        addDialogComponent(new DialogComponentString(RadialFeaturesNodeModel.createFocusModel(), "Focus species (or any)", true, 8));
        addDialogComponent(new DialogComponentString(RadialFeaturesNodeModel.createNeighboursModel(), "Neighbour species", true, 16));
        closeCurrentGroup();
        createNewGroup("Grid");
        addDialogComponent(new DialogComponentNumber(RadialFeaturesNodeModel.createDrModel(), "dr (Å)", 0.05));
        addDialogComponent(new DialogComponentNumber(RadialFeaturesNodeModel.createRcModel(), "R_c (Å)", 0.5));
        addDialogComponent(new DialogComponentNumber(RadialFeaturesNodeModel.createWidthModel(), "L (Å, 0 = dr)", 0.05));
        closeCurrentGroup();
        createNewGroup("Frames");
        addDialogComponent(new DialogComponentNumber(RadialFeaturesNodeModel.createFrameModel(), "Frame", 1));
        addDialogComponent(new DialogComponentBoolean(RadialFeaturesNodeModel.createAllFramesModel(), "Every frame"));
        closeCurrentGroup();
        createNewGroup("Angular features Psi (Schoenholz et al. 2016)");
        addDialogComponent(new DialogComponentBoolean(RadialFeaturesNodeModel.createAngularModel(), "Add angular features"));
        addDialogComponent(new DialogComponentString(RadialFeaturesNodeModel.createAngularNeighboursModel(),
            "Angular neighbour species (empty = neighbour species)", false, 16));
        addDialogComponent(new DialogComponentNumber(RadialFeaturesNodeModel.createAngularRcModel(), "Angular R_c (Å)", 0.5));
        addDialogComponent(new DialogComponentString(RadialFeaturesNodeModel.createAngularXiModel(), "xi values (Å)", true, 16));
        addDialogComponent(new DialogComponentString(RadialFeaturesNodeModel.createAngularZetaModel(), "zeta values", true, 8));
        closeCurrentGroup();
    }
}
