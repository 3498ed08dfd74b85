package org.glasssoftness.knime.nodes.readdump;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Dialog of Read LAMMPS Dump: file (flow-variable controllable), type map, frame range and stride. */
final class ReadDumpNodeDialog extends DefaultNodeSettingsPane {
    ReadDumpNodeDialog() {
        SettingsModelString file = ReadDumpNodeModel.createFileModel();
        createNewGroup("Input");
        addDialogComponent(new DialogComponentFileChooser(file, "glasssoftness.readdump", JFileChooser.OPEN_DIALOG,
            false, createFlowVariableModel(file)));
        addDialogComponent(new DialogComponentString(ReadDumpNodeModel.createTypeMapModel(),
            "Type map (e.g. 1=Li,2=B,3=O,4=P; empty: element column)", false, 30));
        closeCurrentGroup();
        createNewGroup("Frames");
        addDialogComponent(new DialogComponentNumber(ReadDumpNodeModel.createFirstFrameModel(), "First frame", 1));
        addDialogComponent(
            new DialogComponentNumber(ReadDumpNodeModel.createLastFrameModel(), "Last frame (-1 = last)", 1));
        addDialogComponent(new DialogComponentNumber(ReadDumpNodeModel.createStrideModel(), "Stride", 1));
        closeCurrentGroup();
    }
}
