package org.glasssoftness.knime.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.glasssoftness.knime.nodes.dcum.DCumNodeFactory;
import org.glasssoftness.knime.testing.Settings;
import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.StandinNodeRunner;

/** Settings validation of the shared base model, through one node (D_cum). */
class GlassSoftnessNodeModelTest {

    @Test
    void validationRunsTheNodesChecksOnCandidateValuesAndLeavesTheModelUnchanged() throws Exception {
        NodeModel m = new DCumNodeFactory().createNodeModel();
        NodeSettings applied = Settings.of(m);
        applied.addString("species", "Li");
        applied.addInt(SettingsKeys.FIRST_FRAME, 2);
        Settings.apply(m, applied);

        // a cross-field error (last before first) is refused by validation, with configure's message
        NodeSettings bad = Settings.of(m);
        bad.addInt(SettingsKeys.FIRST_FRAME, 5);
        bad.addInt(SettingsKeys.LAST_FRAME, 3);
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> StandinNodeRunner.validateSettings(m, bad));
        assertEquals("Frame range: last frame 3 is before first frame 5", e.getMessage());
        assertUnchanged(m);

        // valid candidates pass validation without being applied
        NodeSettings good = Settings.of(m);
        good.addString("species", "O");
        good.addInt(SettingsKeys.FIRST_FRAME, 7);
        StandinNodeRunner.validateSettings(m, good);
        assertUnchanged(m);
    }

    private static void assertUnchanged(final NodeModel m) throws InvalidSettingsException {
        NodeSettings now = StandinNodeRunner.saveSettings(m);
        assertEquals("Li", now.getString("species"));
        assertEquals(2, now.getInt(SettingsKeys.FIRST_FRAME));
        assertEquals(-1, now.getInt(SettingsKeys.LAST_FRAME));
    }
}
