package org.glasssoftness.knime.nodes.writedump;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.glasssoftness.core.io.lammps.DumpReadOptions;
import org.glasssoftness.core.io.lammps.LammpsDumpReader;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TypeMap;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.knime.common.SettingsKeys;
import org.glasssoftness.knime.port.TrajectoryPortObject;
import org.glasssoftness.knime.testing.CancelOnProgress;
import org.glasssoftness.knime.testing.Dumps;
import org.glasssoftness.knime.testing.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.StandinNodeRunner;

class WriteDumpNodeModelTest {
    @TempDir
    Path dir;

    private WriteDumpNodeModel model(final String file, final boolean overwrite) throws InvalidSettingsException {
        WriteDumpNodeModel m = new WriteDumpNodeFactory().createNodeModel();
        NodeSettings s = Settings.of(m);
        s.addString(SettingsKeys.OUTPUT, file);
        s.addBoolean(SettingsKeys.OVERWRITE, overwrite);
        Settings.apply(m, s);
        return m;
    }

    private TrajectoryPortObject input() throws Exception {
        Path dump = Dumps.write(dir, "in/two.dump", Dumps.TWO_FRAMES);
        try (Trajectory t = LammpsDumpReader.open(dump, DumpReadOptions.of(TypeMap.parse(Dumps.TYPE_MAP)),
            Progress.NONE)) {
            return TrajectoryPortObject.create(t, Progress.NONE);
        }
    }

    @Test
    void writtenDumpReadsBackToTheSameAtoms() throws Exception {
        Path out = dir.resolve("out.dump");
        WriteDumpNodeModel m = model(out.toString(), false);
        TrajectoryPortObject in = input();
        StandinNodeRunner.configure(m, in.getSpec());
        assertEquals(0, StandinNodeRunner.execute(m, new DefaultNodeProgressMonitor(), in).length);
        try (Trajectory a = in.openTrajectory();
                Trajectory b = LammpsDumpReader.open(out, DumpReadOptions.defaults(), Progress.NONE)) {
            assertEquals(2, b.frameCount());
            for (int k = 0; k < 2; k++) {
                Frame fa = a.frame(k);
                Frame fb = b.frame(k);
                assertEquals(fa.timestep(), fb.timestep());
                assertArrayEquals(fa.ids(), fb.ids());
                assertArrayEquals(fa.unwrappedPositions(), fb.unwrappedPositions(), 1e-12);
                assertEquals(fa.speciesNames(), fb.speciesNames()); // from the element column
                assertArrayEquals(fa.properties().get("c_pe"), fb.properties().get("c_pe"));
            }
            // unwrapped x of atom 4 in frame 0: 8.0 + (-1) * 10.0
            assertEquals(-2.0, b.frame(0).unwrappedPositions()[9], 1e-12);
        }
    }

    @Test
    void refusesToReplaceAFileUnlessOverwriteIsOn() throws Exception {
        Path out = Files.writeString(dir.resolve("exists.dump"), "keep me");
        TrajectoryPortObject in = input();
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> StandinNodeRunner.configure(model(out.toString(), false), in.getSpec()));
        assertTrue(e.getMessage().contains("exists"), e.getMessage());
        assertEquals("keep me", Files.readString(out));
        StandinNodeRunner.execute(model(out.toString(), true), new DefaultNodeProgressMonitor(), in);
        assertTrue(Files.readString(out).startsWith("ITEM: TIMESTEP"));
    }

    @Test
    void cancelledWriteLeavesNoFileBehind() throws Exception {
        Path out = dir.resolve("sub/cancelled.dump");
        TrajectoryPortObject in = input();
        assertThrows(CanceledExecutionException.class,
            () -> StandinNodeRunner.execute(model(out.toString(), false), new CancelOnProgress(), in));
        assertFalse(Files.exists(out));
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertEquals(0, left.count(), "no temporary file may remain");
        }
    }

    @Test
    void missingFileSettingIsReported() throws Exception {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> StandinNodeRunner.configure(model("", false), (org.knime.core.node.port.PortObjectSpec)null));
        assertTrue(e.getMessage().startsWith("No output file selected"), e.getMessage());
    }
}
