package org.glasssoftness.knime.nodes.writedump;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Dialog of Write LAMMPS Dump: output file (flow-variable controllable) and overwrite. */
final class WriteDumpNodeDialog extends DefaultNodeSettingsPane {
    WriteDumpNodeDialog() {
        SettingsModelString file = WriteDumpNodeModel.createFileModel();
        addDialogComponent(new DialogComponentFileChooser(file, "glasssoftness.writedump", JFileChooser.SAVE_DIALOG,
            false, createFlowVariableModel(file)));
        addDialogComponent(new DialogComponentBoolean(WriteDumpNodeModel.createOverwriteModel(),
            "Overwrite existing file"));
    }
}
