package org.glasssoftness.knime.nodes.dcum;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of D_cum: species and D2min neighbourhood, mobile label rule, frame range, threads. */
final class DCumNodeDialog extends DefaultNodeSettingsPane {
    DCumNodeDialog() {
        createNewGroup("Atoms and neighbourhood");
        addDialogComponent(new DialogComponentString(DCumNodeModel.createSpeciesModel(), "Species", true, 8));
        addDialogComponent(new DialogComponentNumber(DCumNodeModel.createCutoffModel(), "Neighbour cutoff (Å)", 0.1));
        addDialogComponent(new DialogComponentString(DCumNodeModel.createNeighborSpeciesModel(),
            "Neighbour species (empty = all)", false, 8));
        addDialogComponent(new DialogComponentNumber(DCumNodeModel.createMinNeighborsModel(), "Minimum neighbours", 1));
        closeCurrentGroup();
        createNewGroup("Mobile label");
        addDialogComponent(new DialogComponentString(DCumNodeModel.createLabelModel(),
            "Rule (top:FRACTION or threshold:D_C in Å)", true, 16));
        closeCurrentGroup();
        createNewGroup("Frames");
        addDialogComponent(new DialogComponentNumber(DCumNodeModel.createFirstFrameModel(), "First frame", 1));
        addDialogComponent(new DialogComponentNumber(DCumNodeModel.createLastFrameModel(), "Last frame (-1 = last)", 1));
        addDialogComponent(new DialogComponentNumber(DCumNodeModel.createStrideModel(), "Stride", 1));
        addDialogComponent(new DialogComponentNumber(DCumNodeModel.createThreadsModel(), "Threads (0 = all)", 1));
        closeCurrentGroup();
    }
}
