package org.glasssoftness.knime.nodes.runmd;

import org.glasssoftness.core.md.protocol.MdSettings;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Dialog of Run GPU MD: force field, glass builder, protocol, engine (the shared MD settings, plus threads, backend, precision and device). */
final class RunMdNodeDialog extends DefaultNodeSettingsPane {
    RunMdNodeDialog() {
        new MdNodeSettings().addDialogComponents(this); // leaves the Engine group open
        addDialogComponent(new DialogComponentNumber(
            new SettingsModelIntegerBounded(RunMdNodeModel.THREADS, 0, 0, 1024), "Threads (0: all cores)", 1));
        addDialogComponent(new DialogComponentString(
            new SettingsModelString(RunMdNodeModel.BACKEND, MdSettings.BACKEND_AUTO), "Backend (auto, java or opencl)",
            false, 30));
        addDialogComponent(new DialogComponentString(
            new SettingsModelString(RunMdNodeModel.PRECISION, MdSettings.PRECISION_DOUBLE),
            "OpenCL precision (double or mixed)", false, 30));
        addDialogComponent(new DialogComponentString(
            new SettingsModelString(RunMdNodeModel.DEVICE, ""), "OpenCL device (name part, empty: best)", false, 30));
        closeCurrentGroup();
    }
}
