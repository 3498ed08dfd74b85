package org.glasssoftness.knime.nodes.exportlammps;

import javax.swing.JFileChooser;

import org.glasssoftness.knime.nodes.runmd.MdNodeSettings;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Dialog of Export LAMMPS Input: output folder (flow-variable controllable), overwrite, and Run GPU MD's settings. */
final class ExportLammpsNodeDialog extends DefaultNodeSettingsPane {
    ExportLammpsNodeDialog() {
        createNewGroup("Output");
        SettingsModelString folder = ExportLammpsNodeModel.createFolderModel();
        addDialogComponent(new DialogComponentFileChooser(folder, "glasssoftness.exportlammps",
            JFileChooser.SAVE_DIALOG, true, createFlowVariableModel(folder)));
        addDialogComponent(new DialogComponentBoolean(ExportLammpsNodeModel.createOverwriteModel(),
            "Overwrite existing files"));
        closeCurrentGroup();
        new MdNodeSettings().addDialogComponents(this); // leaves the Engine group open
        closeCurrentGroup();
    }
}
