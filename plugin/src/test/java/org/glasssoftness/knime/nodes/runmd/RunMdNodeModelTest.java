package org.glasssoftness.knime.nodes.runmd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.knime.port.TrajectoryPortObject;
import org.glasssoftness.knime.testing.Settings;
import org.glasssoftness.knime.testing.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.StandinNodeRunner;
import org.knime.core.node.port.PortObject;

class RunMdNodeModelTest {
    private static RunMdNodeModel model(final String stages, final int atoms, final String backend) throws InvalidSettingsException {
        RunMdNodeModel m = new RunMdNodeFactory().createNodeModel();
        NodeSettings s = Settings.of(m);
        s.addString(MdNodeSettings.STAGES, stages);
        s.addInt(MdNodeSettings.ATOMS, atoms);
        s.addInt(MdNodeSettings.MINIMIZE, 20);
        s.addInt(MdNodeSettings.THERMO_EVERY, 2);
        s.addInt(MdNodeSettings.DUMP_EVERY, 3);
        s.addInt(RunMdNodeModel.THREADS, 1);
        s.addString(RunMdNodeModel.BACKEND, backend);
        Settings.apply(m, s);
        return m;
    }

    @Test
    void buildsAGlassRunsStagesAndReturnsFramesAndThermo() throws Exception {
        RunMdNodeModel m = model("a:nvt:4:300,b:npt:2:300:300:0:0,c:tension:2:300", 800, "auto");
        StandinNodeRunner.configure(m, (org.knime.core.node.port.PortObjectSpec) null);
        PortObject[] out = StandinNodeRunner.execute(m, new DefaultNodeProgressMonitor(), (PortObject) null);
        BufferedDataTable thermo = (BufferedDataTable) out[1];
        // minimisation row, then steps 0, 2, 4 (stage a), 6 (stage b)
        // steps 6 twice: end of stage b and start of the tension stage (strain 0)
        assertArrayEquals(new long[] {0, 0, 2, 4, 6, 6, 8}, Tables.longs(thermo, "step"));
        BufferedDataTable stress = (BufferedDataTable) out[2];
        assertArrayEquals(new long[] {6, 8}, Tables.longs(stress, "step"));
        assertEquals(0.05 * 0.002, Tables.doubles(stress, "strain")[1], 1e-12);
        assertEquals("minimize", Tables.strings(thermo, "stage")[0]);
        try (Trajectory t = ((TrajectoryPortObject) out[0]).openTrajectory()) {
            assertEquals(801, t.frame(0).atomCount());
            assertEquals(8, t.frame(t.frameCount() - 1).timestep(), "last frame is the final configuration");
            assertTrue(t.frameCount() >= 3);
        }
    }

    @Test
    void badSettingsAreRefusedWithAMessage() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> StandinNodeRunner.configure(model("x:nph:10:300", 800, "auto"), (org.knime.core.node.port.PortObjectSpec) null));
        assertTrue(e.getMessage().contains("ensemble must be"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class,
            () -> StandinNodeRunner.configure(model("x:nvt:10:300", 800, "opencl"), (org.knime.core.node.port.PortObjectSpec) null));
        assertTrue(e.getMessage().contains("Backend"), e.getMessage());
    }
}
