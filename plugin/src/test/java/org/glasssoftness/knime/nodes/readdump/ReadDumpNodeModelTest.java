package org.glasssoftness.knime.nodes.readdump;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.knime.common.SettingsKeys;
import org.glasssoftness.core.model.TrajectoryInfo;
import org.glasssoftness.knime.port.TrajectoryPortObject;
import org.glasssoftness.knime.port.TrajectoryPortObjectSpec;
import org.glasssoftness.knime.port.TrajectoryPorts;
import org.glasssoftness.knime.testing.CancelOnProgress;
import org.glasssoftness.knime.testing.Dumps;
import org.glasssoftness.knime.testing.Settings;
import org.glasssoftness.knime.testing.Tables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.StandinNodeRunner;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.util.StandinKnimeUrls;

class ReadDumpNodeModelTest {
    @TempDir
    Path dir;

    @AfterEach
    void forgetWorkflow() {
        StandinKnimeUrls.setWorkflowDir(null);
    }

    private ReadDumpNodeModel model(final String file, final String typeMap, final int first, final int last,
        final int stride) throws InvalidSettingsException {
        ReadDumpNodeModel m = new ReadDumpNodeFactory().createNodeModel();
        NodeSettings s = Settings.of(m);
        s.addString(SettingsKeys.INPUT, file);
        s.addString(SettingsKeys.TYPE_MAP, typeMap);
        s.addInt(SettingsKeys.FIRST_FRAME, first);
        s.addInt(SettingsKeys.LAST_FRAME, last);
        s.addInt(SettingsKeys.STRIDE, stride);
        Settings.apply(m, s);
        return m;
    }

    @Test
    void firstFrameTableHoldsTheAtomsOfTheDumpSortedById() throws Exception {
        Path dump = Dumps.write(dir, "two.dump", Dumps.TWO_FRAMES);
        ReadDumpNodeModel m = model(dump.toString(), Dumps.TYPE_MAP, 0, -1, 1);
        PortObjectSpec[] specs = StandinNodeRunner.configure(m);
        assertEquals(2, specs.length);
        PortObject[] out = StandinNodeRunner.execute(m, new DefaultNodeProgressMonitor());
        BufferedDataTable atoms = (BufferedDataTable)out[1];
        assertEquals(4, atoms.size());
        assertArrayEquals(new long[]{1, 2, 3, 4}, Tables.longs(atoms, "id"));
        assertArrayEquals(new int[]{1, 1, 3, 3}, Tables.ints(atoms, "type"));
        assertArrayEquals(new String[]{"Li", "Li", "O", "O"}, Tables.strings(atoms, "species"));
        assertArrayEquals(new double[]{1.0, 2.5, 5.5, 8.0}, Tables.doubles(atoms, "x_A"));
        assertArrayEquals(new double[]{2.0, 3.5, 6.25, 9.5}, Tables.doubles(atoms, "y_A"));
        assertArrayEquals(new double[]{3.0, 4.5, 7.0, 1.5}, Tables.doubles(atoms, "z_A"));
        assertArrayEquals(new int[]{0, 1, 0, -1}, Tables.ints(atoms, "ix"));
        assertArrayEquals(new int[]{0, 0, 1, 0}, Tables.ints(atoms, "iy"));
        assertArrayEquals(new int[]{0, 0, 0, 2}, Tables.ints(atoms, "iz"));
        assertArrayEquals(new double[]{-1.25, -2.0, -3.5, -4.0}, Tables.doubles(atoms, "c_pe"));
    }

    @Test
    void trajectoryPortHoldsEveryFrameAndSummarisesIt() throws Exception {
        Path dump = Dumps.write(dir, "two.dump", Dumps.TWO_FRAMES);
        ReadDumpNodeModel m = model(dump.toString(), Dumps.TYPE_MAP, 0, -1, 1);
        TrajectoryPortObject port = (TrajectoryPortObject)StandinNodeRunner.execute(m, new DefaultNodeProgressMonitor())[0];
        assertEquals("4 atoms (Li 2, O 2), 2 frames, properties: c_pe", port.getSummary());
        try (Trajectory t = port.openTrajectory()) {
            assertEquals(2, t.frameCount());
            Frame f1 = t.frame(1);
            assertEquals(100, f1.timestep());
            assertEquals(10.0, f1.box().lx());
            assertEquals(12.0, f1.box().ly());
            assertEquals(14.0, f1.box().lz());
            assertArrayEquals(new double[]{1.5, 3.0, 6.0, 8.5}, new double[]{f1.positions()[0], f1.positions()[3],
                f1.positions()[6], f1.positions()[9]});
        }
    }

    @Test
    void resetDeletesTheTrajectoryFile() throws Exception {
        Path dump = Dumps.write(dir, "two.dump", Dumps.TWO_FRAMES);
        ReadDumpNodeModel m = model(dump.toString(), Dumps.TYPE_MAP, 0, -1, 1);
        TrajectoryPortObject port = (TrajectoryPortObject)StandinNodeRunner.execute(m, new DefaultNodeProgressMonitor())[0];
        Path store = TrajectoryPorts.storeFile(port);
        assertTrue(java.nio.file.Files.exists(store));
        StandinNodeRunner.reset(m);
        assertFalse(java.nio.file.Files.exists(store));
    }

    @Test
    void frameRangeAndStrideSelectFrames() throws Exception {
        Path dump = Dumps.write(dir, "two.dump", Dumps.TWO_FRAMES);
        ReadDumpNodeModel m = model(dump.toString(), Dumps.TYPE_MAP, 1, -1, 1);
        PortObject[] out = StandinNodeRunner.execute(m, new DefaultNodeProgressMonitor());
        try (Trajectory t = ((TrajectoryPortObject)out[0]).openTrajectory()) {
            assertEquals(1, t.frameCount());
            assertEquals(100, t.frame(0).timestep());
        }
        assertArrayEquals(new double[]{1.5, 3.0, 6.0, 8.5}, Tables.doubles((BufferedDataTable)out[1], "x_A"));
    }

    @Test
    void knimeWorkflowUrlsResolveAgainstTheWorkflowFolder() throws Exception {
        Dumps.write(dir, "data/two.dump", Dumps.TWO_FRAMES);
        StandinKnimeUrls.setWorkflowDir(dir);
        ReadDumpNodeModel m = model("knime://knime.workflow/data/two.dump", Dumps.TYPE_MAP, 0, 0, 1);
        PortObject[] out = StandinNodeRunner.execute(m, new DefaultNodeProgressMonitor());
        assertEquals("4 atoms (Li 2, O 2), 1 frame, properties: c_pe", out[0].getSummary());
    }

    @Test
    void badSettingsAreRefusedWithMessagesNamingTheSetting() throws Exception {
        Path dump = Dumps.write(dir, "two.dump", Dumps.TWO_FRAMES);
        String f = dump.toString();
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> model(f, "1=Li,3=Xx", 0, -1, 1));
        assertTrue(e.getMessage().startsWith("Type map: ") && e.getMessage().contains("Xx"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> model(f, "1=Li", 3, 1, 1));
        assertTrue(e.getMessage().startsWith("Frame range: "), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> model(f, "1=Li", 0, -1, 0));
        assertTrue(e.getMessage().contains("range [1"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> model(f, "1=Li", -2, -1, 1));
        assertTrue(e.getMessage().contains("range [0"), e.getMessage());
    }

    @Test
    void configureFailsWithoutAnExistingFile() throws Exception {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> StandinNodeRunner.configure(model("", "", 0, -1, 1)));
        assertTrue(e.getMessage().startsWith("No dump file selected"), e.getMessage());
        String missing = dir.resolve("missing.dump").toString();
        e = assertThrows(InvalidSettingsException.class,
            () -> StandinNodeRunner.configure(model(missing, "", 0, -1, 1)));
        assertTrue(e.getMessage().contains("missing.dump") && e.getMessage().contains("does not exist"),
            e.getMessage());
    }

    @Test
    void malformedDumpFailsNamingTheFile() throws Exception {
        String truncated = Dumps.TWO_FRAMES.substring(0, Dumps.TWO_FRAMES.lastIndexOf("2 1 "));
        Path dump = Dumps.write(dir, "truncated.dump", truncated);
        ReadDumpNodeModel m = model(dump.toString(), Dumps.TYPE_MAP, 0, -1, 1);
        // the first frame is fine, so configure succeeds; reading all frames finds the truncated last one
        StandinNodeRunner.configure(m);
        Exception e = assertThrows(Exception.class, () -> StandinNodeRunner.execute(m, new DefaultNodeProgressMonitor()));
        assertTrue(e.getMessage().contains("truncated.dump") && e.getMessage().contains("frame 1"), e.getMessage());
        // a bad first frame is reported already by configure, naming file and line
        Path bad = Dumps.write(dir, "bad.dump", Dumps.TWO_FRAMES.replace("6.25", "six"));
        InvalidSettingsException ce = assertThrows(InvalidSettingsException.class,
            () -> StandinNodeRunner.configure(model(bad.toString(), Dumps.TYPE_MAP, 0, -1, 1)));
        assertTrue(ce.getMessage().contains("bad.dump:"), ce.getMessage());
    }

    @Test
    void cancelStopsTheReadWithKnimesCancelException() throws Exception {
        Path dump = Dumps.write(dir, "two.dump", Dumps.TWO_FRAMES);
        ReadDumpNodeModel m = model(dump.toString(), Dumps.TYPE_MAP, 0, -1, 1);
        assertThrows(CanceledExecutionException.class, () -> StandinNodeRunner.execute(m, new CancelOnProgress()));
        DefaultNodeProgressMonitor cancelled = new DefaultNodeProgressMonitor();
        cancelled.setExecuteCanceled();
        assertThrows(CanceledExecutionException.class, () -> StandinNodeRunner.execute(m, cancelled));
    }

    @Test
    void dialogSavesTheSameSettingsTheModelReads() throws Exception {
        Path dump = Dumps.write(dir, "two.dump", Dumps.TWO_FRAMES);
        ReadDumpNodeModel m = model(dump.toString(), Dumps.TYPE_MAP, 1, 1, 2);
        ReadDumpNodeFactory factory = new ReadDumpNodeFactory();
        assertTrue(StandinNodeRunner.hasDialog(factory));
        assertEquals(0, StandinNodeRunner.nrViews(factory));
        NodeDialogPane dialog = StandinNodeRunner.createDialog(factory);
        StandinNodeRunner.loadDialog(dialog, Settings.of(m), new PortObjectSpec[0]);
        NodeSettings fromDialog = StandinNodeRunner.saveDialog(dialog);
        ReadDumpNodeModel fresh = new ReadDumpNodeFactory().createNodeModel();
        Settings.apply(fresh, fromDialog);
        assertEquals(xml(Settings.of(m)), xml(Settings.of(fresh)));
        assertEquals(SettingsKeys.INPUT, StandinNodeRunner.flowVariableModels(dialog).get(0).getKeys()[0]);
    }

    private static String xml(final NodeSettings s) throws java.io.IOException {
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        s.saveToXML(bos);
        return bos.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void defaultsReadEverythingAndConfigureKnowsTheAtomsTableColumns() throws Exception {
        ReadDumpNodeModel m = new ReadDumpNodeFactory().createNodeModel();
        NodeSettings s = Settings.of(m);
        assertEquals("", s.getString(SettingsKeys.INPUT));
        assertEquals(0, s.getInt(SettingsKeys.FIRST_FRAME));
        assertEquals(-1, s.getInt(SettingsKeys.LAST_FRAME));
        assertEquals(1, s.getInt(SettingsKeys.STRIDE));
        Path dump = Dumps.write(dir, "two.dump", Dumps.TWO_FRAMES);
        ReadDumpNodeModel r = model(dump.toString(), "", 0, -1, 1);
        PortObjectSpec[] specs = StandinNodeRunner.configure(r);
        assertFalse(((TrajectoryPortObjectSpec)specs[0]).frameCountKnown()); // needs the whole file
        PortObject[] out = StandinNodeRunner.execute(r, new DefaultNodeProgressMonitor());
        assertEquals(out[1].getSpec(), specs[1]);
        assertArrayEquals(new String[]{"id", "type", "species", "x_A", "y_A", "z_A", "ix", "iy", "iz", "c_pe"},
            ((org.knime.core.data.DataTableSpec)specs[1]).getColumnNames());
        assertFalse(s.containsKey("no-such-key"));
    }

    @Test
    void configureGivesTheTrajectorySpecOfTheFirstSelectedFrameWithoutTheFrameCount() throws Exception {
        Path dump = Dumps.write(dir, "two.dump", Dumps.TWO_FRAMES);
        ReadDumpNodeModel m = model(dump.toString(), Dumps.TYPE_MAP, 0, -1, 1);
        TrajectoryPortObjectSpec before = (TrajectoryPortObjectSpec)StandinNodeRunner.configure(m)[0];
        TrajectoryInfo info = before.info();
        // the hand-written dump: atoms 1,2 of type 1 (Li) and 3,4 of type 3 (O), image flags, column c_pe
        assertEquals(java.util.List.of("Li", "O"), info.speciesNames());
        assertArrayEquals(new int[]{2, 2}, info.speciesCounts());
        assertEquals(4, info.atomCount());
        assertEquals(java.util.List.of("c_pe"), info.propertyNames());
        assertTrue(info.hasImages());
        assertFalse(info.hasVelocities());
        assertEquals(TrajectoryPortObjectSpec.UNKNOWN_FRAME_COUNT, info.frameCount());
        assertEquals("4 atoms (Li 2, O 2), frame count known after execution, properties: c_pe", before.summary());
        // after execution the same, with the frame count
        TrajectoryPortObjectSpec after = (TrajectoryPortObjectSpec)StandinNodeRunner.execute(m,
            new DefaultNodeProgressMonitor())[0].getSpec();
        assertTrue(after.frameCountKnown());
        assertEquals(2, after.info().frameCount());
        assertEquals(new TrajectoryPortObjectSpec(new TrajectoryInfo(info.speciesNames(), info.speciesCounts(),
            info.atomCount(), 2, info.propertyNames(), info.hasImages(), info.hasVelocities())), after);
    }

    @Test
    void downstreamNodesCheckSpeciesAgainstTheConfiguredSpec() throws Exception {
        Path dump = Dumps.write(dir, "two.dump", Dumps.TWO_FRAMES);
        PortObjectSpec traj = StandinNodeRunner.configure(model(dump.toString(), Dumps.TYPE_MAP, 0, -1, 1))[0];
        org.knime.core.node.NodeModel dcum = new org.glasssoftness.knime.nodes.dcum.DCumNodeFactory().createNodeModel();
        NodeSettings s = Settings.of(dcum);
        s.addString("species", "B"); // not in the dump (Li, O)
        Settings.apply(dcum, s);
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> StandinNodeRunner.configure(dcum, traj));
        assertEquals("Species 'B' is not in the trajectory; it has [Li, O]", e.getMessage());
        s.addString("species", "Li");
        Settings.apply(dcum, s);
        StandinNodeRunner.configure(dcum, traj);
    }
}
