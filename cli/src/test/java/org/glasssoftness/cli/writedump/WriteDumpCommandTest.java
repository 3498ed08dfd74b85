package org.glasssoftness.cli.writedump;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.glasssoftness.cli.GlassSoftnessCli;
import org.glasssoftness.core.io.lammps.LammpsDumpReader;
import org.glasssoftness.core.io.store.FrameStore;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.sample.SampleTrajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteDumpCommandTest {
    private static String[] run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int rc = GlassSoftnessCli.commandLine().execute(args);
            return new String[] {Integer.toString(rc), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void writesTheSelectedFramesWithUnwrappedPositions(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.dump");
        String[] r = run("write-dump", "--input", SampleTrajectory.file().toString(), "--type-map",
                SampleTrajectory.TYPE_MAP, "--first-frame", "2", "--stride", "3", "--output", out.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("wrote 480 atoms (Li 80, B 60, O 280, P 60), 3 frames"), r[1]);
        try (Trajectory in = SampleTrajectory.open(); Trajectory back = LammpsDumpReader.open(out)) {
            assertEquals(3, back.frameCount());
            for (int k = 0; k < 3; k++) {
                Frame a = in.frame(2 + 3 * k), b = back.frame(k);
                assertEquals(a.timestep(), b.timestep());
                assertArrayEquals(a.ids(), b.ids());
                assertEquals(a.speciesNames(), b.speciesNames());
                assertArrayEquals(a.unwrappedPositions(), b.unwrappedPositions(), 1e-9);
            }
        }
    }

    @Test
    void readsFrameStoreInputAndRefusesToOverwrite(@TempDir Path dir) throws Exception {
        Path gsf = dir.resolve("t.gsf");
        try (Trajectory t = SampleTrajectory.open()) {
            FrameStore.write(gsf, t, Progress.NONE);
        }
        Path out = Files.writeString(dir.resolve("exists.dump"), "keep");
        String[] r = run("write-dump", "--input", gsf.toString(), "--output", out.toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("exists"), r[2]);
        assertEquals("keep", Files.readString(out));
        r = run("write-dump", "--input", gsf.toString(), "--output", out.toString(), "--overwrite");
        assertEquals("0", r[0], r[2]);
        try (Trajectory back = LammpsDumpReader.open(out)) {
            assertEquals(10, back.frameCount());
        }
        assertEquals("2", run("write-dump", "--input", gsf.toString(), "--output", out.toString(), "--stride", "0")[0]);
    }
}
