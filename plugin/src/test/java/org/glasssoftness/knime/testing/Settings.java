package org.glasssoftness.knime.testing;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.StandinNodeRunner;

/** Changes single settings of a node model the way a dialog would: save, edit, validate and load. */
public final class Settings {
    private Settings() {
    }

    public static NodeSettings of(final NodeModel model) {
        return StandinNodeRunner.saveSettings(model);
    }

    public static void apply(final NodeModel model, final NodeSettings settings) throws InvalidSettingsException {
        StandinNodeRunner.loadSettings(model, settings);
    }
}
