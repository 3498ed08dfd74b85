package org.glasssoftness.knime.nodes.rdf;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of Compute RDF/S(Q): frames, r range, Q range, Lorch window, scattering lengths. */
final class RdfNodeDialog extends DefaultNodeSettingsPane {
    RdfNodeDialog() {
        createNewGroup("Frames");
        addDialogComponent(new DialogComponentNumber(RdfNodeModel.createFirstFrameModel(), "First frame", 1));
        addDialogComponent(new DialogComponentNumber(RdfNodeModel.createLastFrameModel(), "Last frame (-1 = last)", 1));
        addDialogComponent(new DialogComponentNumber(RdfNodeModel.createStrideModel(), "Stride", 1));
        closeCurrentGroup();
        createNewGroup("g(r)");
        addDialogComponent(new DialogComponentNumber(RdfNodeModel.createRMaxModel(), "r max (Å)", 0.5));
        addDialogComponent(new DialogComponentNumber(RdfNodeModel.createDrModel(), "Bin width dr (Å)", 0.01));
        addDialogComponent(new DialogComponentBoolean(RdfNodeModel.createMultiImageModel(),
            "Allow r max beyond half the box (count every periodic image)"));
        closeCurrentGroup();
        createNewGroup("S(Q)");
        addDialogComponent(new DialogComponentNumber(RdfNodeModel.createQMinModel(), "Q min (1/Å)", 0.01));
        addDialogComponent(new DialogComponentNumber(RdfNodeModel.createQMaxModel(), "Q max (1/Å)", 1));
        addDialogComponent(new DialogComponentNumber(RdfNodeModel.createDqModel(), "Q step (1/Å)", 0.01));
        addDialogComponent(new DialogComponentBoolean(RdfNodeModel.createLorchModel(), "Lorch window"));
        addDialogComponent(new DialogComponentString(RdfNodeModel.createScatteringLengthsModel(),
            "Scattering lengths (fm), e.g. Li=-1.90,B=5.30 (empty: neutron table)", false, 30));
        closeCurrentGroup();
    }
}
