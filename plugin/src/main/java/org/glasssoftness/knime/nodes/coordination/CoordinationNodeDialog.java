package org.glasssoftness.knime.nodes.coordination;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of Coordination Analysis: frames, bond cutoffs, formers/anion, angles, composition, per-atom table. */
final class CoordinationNodeDialog extends DefaultNodeSettingsPane {
    CoordinationNodeDialog() {
        createNewGroup("Frames");
        addDialogComponent(new DialogComponentNumber(CoordinationNodeModel.createFirstFrameModel(), "First frame", 1));
        addDialogComponent(
            new DialogComponentNumber(CoordinationNodeModel.createLastFrameModel(), "Last frame (-1 = last)", 1));
        addDialogComponent(new DialogComponentNumber(CoordinationNodeModel.createStrideModel(), "Stride", 1));
        closeCurrentGroup();
        createNewGroup("Bonds");
        addDialogComponent(new DialogComponentString(CoordinationNodeModel.createCutoffsModel(),
            "Bond cutoffs (Å), e.g. B-O=2.0,P-O=2.0", false, 30));
        addDialogComponent(new DialogComponentString(CoordinationNodeModel.createFormersModel(),
            "Network formers (comma-separated)", false, 12));
        addDialogComponent(new DialogComponentString(CoordinationNodeModel.createAnionModel(), "Bridging anion",
            false, 6));
        closeCurrentGroup();
        createNewGroup("Bond angles");
        addDialogComponent(new DialogComponentString(CoordinationNodeModel.createAnglesModel(),
            "Angles A-Centre-B, e.g. O-B-O,O-P-O (empty: anion-former-anion)", false, 30));
        addDialogComponent(new DialogComponentNumber(CoordinationNodeModel.createAngleBinModel(),
            "Angle bin width (degrees)", 0.5));
        closeCurrentGroup();
        createNewGroup("Output");
        addDialogComponent(new DialogComponentString(CoordinationNodeModel.createCompositionModel(),
            "Composition for the molar volume, e.g. Li2O=40,B2O3=30,P2O5=30", false, 30));
        addDialogComponent(new DialogComponentBoolean(CoordinationNodeModel.createPerAtomModel(),
            "Per-atom table (one row per atom and frame)"));
        closeCurrentGroup();
    }
}
