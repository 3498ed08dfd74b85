package org.glasssoftness.knime.nodes.runmd;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Dialog of Run GPU MD: force field, glass builder, protocol, engine. */
final class RunMdNodeDialog extends DefaultNodeSettingsPane {
    RunMdNodeDialog() {
        createNewGroup("Force field");
        text(RunMdNodeModel.FORCE_FIELD, "", "Parameter file (empty: built-in Deng-Du)");
        text(RunMdNodeModel.PHOSPHATE, "b", "P2O5 in the B-O rule (a or b)");
        closeCurrentGroup();
        createNewGroup("Start structure (when no trajectory is connected)");
        text(RunMdNodeModel.COMPOSITION, "Li2O=40,B2O3=30,P2O5=30", "Composition (mol%)");
        integer(RunMdNodeModel.ATOMS, 3000, 2, "Atoms");
        text(RunMdNodeModel.DENSITY, "2.4", "Density (g/cm^3)");
        text(RunMdNodeModel.MIN_SEPARATION, "1.7", "Minimum separation (Å)");
        integer(RunMdNodeModel.SEED, 1, 0, "Seed");
        integer(RunMdNodeModel.REPLICATE_X, 1, 1, "Replicate in x (tension: 2)");
        closeCurrentGroup();
        createNewGroup("Protocol");
        text(RunMdNodeModel.STAGES, "equilibrate:nvt:1000:300", "Stages");
        text(RunMdNodeModel.TEMPERATURE, "300", "Initial temperature (K)");
        integer(RunMdNodeModel.MINIMIZE, -1, -1, "Minimisation steps (-1: auto)");
        integer(RunMdNodeModel.THERMO_EVERY, 100, 1, "Thermo every (steps)");
        integer(RunMdNodeModel.DUMP_EVERY, 1000, 0, "Frame every (steps, 0: last only)");
        closeCurrentGroup();
        createNewGroup("Engine");
        text(RunMdNodeModel.KSPACE, "pppm", "Long range (pppm or ewald)");
        text(RunMdNodeModel.ACCURACY, "1e-5", "K-space relative accuracy");
        text(RunMdNodeModel.CUTOFF, "10", "Real-space cutoff (Å)");
        text(RunMdNodeModel.TIME_STEP, "0.001", "Time step (ps)");
        integer(RunMdNodeModel.THREADS, 0, 0, "Threads (0: all cores)");
        text(RunMdNodeModel.BACKEND, "auto", "Backend (auto or java)");
        closeCurrentGroup();
    }

    private void text(final String key, final String def, final String label) {
        addDialogComponent(new DialogComponentString(new SettingsModelString(key, def), label, false, 30));
    }

    private void integer(final String key, final int def, final int min, final String label) {
        addDialogComponent(new DialogComponentNumber(new SettingsModelIntegerBounded(key, def, min, Integer.MAX_VALUE), label, 1));
    }
}
