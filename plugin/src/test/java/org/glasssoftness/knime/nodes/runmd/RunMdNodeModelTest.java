package org.glasssoftness.knime.nodes.runmd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TrajectoryInfo;
import org.glasssoftness.knime.port.TrajectoryPortObject;
import org.glasssoftness.knime.port.TrajectoryPortObjectSpec;
import org.glasssoftness.knime.port.TrajectoryPorts;
import org.glasssoftness.knime.testing.Settings;
import org.glasssoftness.knime.testing.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.StandinNodeRunner;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

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

    /** Keeps every progress message the node reports. */
    private static final class RecordingMonitor extends DefaultNodeProgressMonitor {
        final List<String> messages = new ArrayList<>();

        final List<Double> fractions = new ArrayList<>();

        @Override
        public synchronized void setProgress(final double progress, final String message) {
            super.setProgress(progress, message);
            messages.add(message);
            fractions.add(progress);
        }

        @Override
        public synchronized void setMessage(final String message) {
            super.setMessage(message);
            messages.add(message);
        }
    }

    @Test
    void buildsAGlassRunsStagesAndReturnsFramesAndThermo() throws Exception {
        RunMdNodeModel m = model("a:nvt:4:300,b:npt:2:300:300:0:0,c:tension:2:300", 800, "auto");
        NodeSettings fire = Settings.of(m);
        fire.addInt(MdNodeSettings.MINIMIZE, 40);
        Settings.apply(m, fire);
        PortObjectSpec[] specs = StandinNodeRunner.configure(m, (PortObjectSpec) null);
        RecordingMonitor monitor = new RecordingMonitor();
        PortObject[] out = StandinNodeRunner.execute(m, monitor, (PortObject) null);
        // configure promised the columns execute delivers, and the built glass's atoms (frame count comes later)
        assertEquals(((BufferedDataTable) out[1]).getSpec(), specs[1]);
        assertEquals(((BufferedDataTable) out[2]).getSpec(), specs[2]);
        TrajectoryInfo promised = ((TrajectoryPortObjectSpec) specs[0]).info();
        TrajectoryInfo got = ((TrajectoryPortObject) out[0]).getSpec().info();
        assertFalse(((TrajectoryPortObjectSpec) specs[0]).frameCountKnown());
        assertEquals(got.speciesNames(), promised.speciesNames());
        assertArrayEquals(got.speciesCounts(), promised.speciesCounts());
        assertEquals(got.atomCount(), promised.atomCount());
        assertEquals(got.propertyNames(), promised.propertyNames());
        assertEquals(got.hasImages(), promised.hasImages());
        assertEquals(got.hasVelocities(), promised.hasVelocities());
        // progress names the stage and the speed so far
        assertTrue(monitor.messages.stream().anyMatch(s -> s != null && s.startsWith("a: ") && s.endsWith(" ns/day")),
            monitor.messages.toString());
        assertTrue(monitor.messages.stream().anyMatch(s -> s != null && s.startsWith("c: ") && s.contains(" ns/day")),
            monitor.messages.toString());
        // minimisation (reports at FIRE steps 0 and 32 of 40) then the stages: the bar never runs backwards
        assertTrue(monitor.messages.stream().anyMatch(s -> s != null && s.startsWith("minimise step 32")),
            monitor.messages.toString());
        for (int k = 1; k < monitor.fractions.size(); k++) {
            assertTrue(monitor.fractions.get(k) >= monitor.fractions.get(k - 1), monitor.fractions + " at " + k);
        }
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
    void resetDeletesTheTrajectoryFile() throws Exception {
        RunMdNodeModel m = model("a:nve:2", 800, "auto");
        TrajectoryPortObject port = (TrajectoryPortObject) StandinNodeRunner.execute(m, new DefaultNodeProgressMonitor(),
            (PortObject) null)[0];
        Path store = TrajectoryPorts.storeFile(port);
        assertTrue(Files.exists(store));
        StandinNodeRunner.reset(m);
        assertFalse(Files.exists(store));
    }

    @Test
    void configureGivesTheInputsAtomsTimesTheReplication() throws Exception {
        RunMdNodeModel m = model("a:nvt:4:300", 800, "auto");
        NodeSettings s = Settings.of(m);
        s.addInt(MdNodeSettings.REPLICATE_X, 2);
        Settings.apply(m, s);
        TrajectoryPortObjectSpec in = new TrajectoryPortObjectSpec(new TrajectoryInfo(List.of("Li", "B", "O", "P"),
            new int[] {4, 3, 9, 2}, 18, 5, List.of("c_pe"), true, false));
        TrajectoryInfo out = ((TrajectoryPortObjectSpec) StandinNodeRunner.configure(m, in)[0]).info();
        assertEquals(List.of("Li", "B", "O", "P"), out.speciesNames());
        assertArrayEquals(new int[] {8, 6, 18, 4}, out.speciesCounts());
        assertEquals(36, out.atomCount());
        assertEquals(List.of(), out.propertyNames(), "MD frames carry no input property");
        assertTrue(out.hasVelocities());
        // an input whose atoms are not known yet: no trajectory spec, the tables' specs all the same
        PortObjectSpec[] unknown = StandinNodeRunner.configure(m, new TrajectoryPortObjectSpec());
        assertNull(unknown[0]);
        assertEquals(RunMdNodeModel.THERMO_DOUBLE_COLUMNS.length + 2,
            ((org.knime.core.data.DataTableSpec) unknown[1]).getNumColumns());
    }

    @Test
    void badSettingsAreRefusedWithAMessage() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> StandinNodeRunner.configure(model("x:nph:10:300", 800, "auto"), (PortObjectSpec) null));
        assertTrue(e.getMessage().contains("ensemble must be"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class,
            () -> StandinNodeRunner.configure(model("x:nvt:10:300", 800, "cuda"), (PortObjectSpec) null));
        assertTrue(e.getMessage().contains("Backend must be auto, java or opencl"), e.getMessage());
    }

    /**
     * Backend opencl in mixed precision: runs on the device and says so (flow variables, final message); a device name
     * that matches nothing falls back to Java with a warning naming the reason, and the thermo agrees.
     */
    @Test
    void reportsTheBackendAndFallsBackToJavaWithAWarning() throws Exception {
        RunMdNodeModel cl = model("a:nvt:4:300", 800, "opencl");
        NodeSettings s = Settings.of(cl);
        s.addString(RunMdNodeModel.PRECISION, "mixed");
        Settings.apply(cl, s);
        RecordingMonitor monitor = new RecordingMonitor();
        PortObject[] outCl = StandinNodeRunner.execute(cl, monitor, (PortObject) null);
        assertEquals("opencl", StandinNodeRunner.pushedFlowVariables(cl).get(RunMdNodeModel.FLOW_BACKEND));
        String device = (String) StandinNodeRunner.pushedFlowVariables(cl).get(RunMdNodeModel.FLOW_DEVICE);
        assertTrue(device.matches("opencl mixed( half-list)?( coulomb-table)? on OpenCL .*"), device);
        assertTrue(monitor.messages.stream().anyMatch(x -> x != null && x.matches("4 steps, .* ns/day on " + java.util.regex.Pattern.quote(device))),
            monitor.messages.toString());
        assertNull(StandinNodeRunner.warningMessage(cl));

        RunMdNodeModel fb = model("a:nvt:4:300", 800, "opencl");
        NodeSettings s2 = Settings.of(fb);
        s2.addString(RunMdNodeModel.DEVICE, "no-such-device-xyz");
        Settings.apply(fb, s2);
        PortObject[] outJava = StandinNodeRunner.execute(fb, new RecordingMonitor(), (PortObject) null);
        assertEquals("java", StandinNodeRunner.pushedFlowVariables(fb).get(RunMdNodeModel.FLOW_BACKEND));
        String w = StandinNodeRunner.warningMessage(fb);
        assertTrue(w != null && w.contains("no OpenCL device matches 'no-such-device-xyz'")
            && w.contains("running on the Java backend"), w);
        double[] peCl = Tables.doubles((BufferedDataTable) outCl[1], "PE_eV");
        double[] peJava = Tables.doubles((BufferedDataTable) outJava[1], "PE_eV");
        assertEquals(peJava.length, peCl.length);
        for (int i = 0; i < peJava.length; i++) {
            assertEquals(peJava[i], peCl[i], 1e-4 * Math.abs(peJava[i]), "PE row " + i);
        }
    }
}
