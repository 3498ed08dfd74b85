package org.glasssoftness.cli.readdump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glasssoftness.cli.GlassSoftnessCli;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.sample.SampleTrajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadDumpCommandTest {
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
    void noOptionsSummarisesTheBundledSample() {
        String[] r = run("read-dump");
        assertEquals("0", r[0], r[2]);
        assertEquals("480 atoms (Li 80, B 60, O 280, P 60), 10 frames from the bundled sample libp-sample.dump.gz",
                r[1].trim());
    }

    @Test
    void writesAtomsAndFramesTables(@TempDir Path dir) throws Exception {
        String[] r = run("read-dump", "--input", SampleTrajectory.file().toString(), "--first-frame", "1", "--stride", "4",
                "--out", dir.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("480 atoms (Li 80, B 60, O 280, P 60), 3 frames"), r[1]);
        List<String> frames = Files.readAllLines(dir.resolve("frames.csv"));
        assertEquals("frame,timestep,atoms,lx_A,ly_A,lz_A,xy_A,xz_A,yz_A,volume_A3", frames.get(0));
        assertEquals(4, frames.size());
        assertTrue(frames.get(2).startsWith("1,1000,480,17.346,"), frames.get(2));
        List<String> atoms = Files.readAllLines(dir.resolve("atoms.csv"));
        assertEquals("id,type,species,x_A,y_A,z_A,ix,iy,iz,vx_A_per_ps,vy_A_per_ps,vz_A_per_ps", atoms.get(0));
        assertEquals(481, atoms.size());
        try (Trajectory t = SampleTrajectory.open()) {
            Frame f = t.frame(1);
            String[] row = atoms.get(1).split(",");
            assertEquals(Long.toString(f.ids()[0]), row[0]);
            assertEquals(f.speciesOf(0), row[2]);
            assertEquals(f.positions()[0], Double.parseDouble(row[3]));
        }
    }

    @Test
    void badInputIsAClearErrorNotAStackTrace(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.dump");
        Files.writeString(f, "ITEM: TIMESTEP\nzero\n");
        String[] r = run("read-dump", "--input", f.toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("bad.dump:2: frame 0: expected an integer timestep, found 'zero'"), r[2]);
        r = run("read-dump", "--type-map", "1=Xx");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("'Xx' is not an element symbol"), r[2]);
    }

    @Test
    void writeDumpConvertsTheSampleToADumpAndADataFile(@TempDir Path dir) throws Exception {
        Path dump = dir.resolve("out.dump.gz"), data = dir.resolve("out.data");
        String[] r = run("write-dump", "--input", SampleTrajectory.file().toString(), "--last-frame", "2",
                "--output", dump.toString());
        assertEquals("0", r[0], r[2]);
        r = run("write-dump", "--input", dump.toString(), "--output", data.toString());
        assertEquals("0", r[0], r[2]);
        assertEquals("2", run("write-dump", "--input", dump.toString(), "--output", data.toString())[0], "no overwrite");
        try (Trajectory s = SampleTrajectory.open();
             Trajectory d = org.glasssoftness.core.io.lammps.LammpsDumpReader.open(dump)) {
            assertEquals(3, d.frameCount());
            Frame a = s.frame(2), b = d.frame(2);
            assertEquals(a.timestep(), b.timestep());
            assertEquals(a.speciesNames(), b.speciesNames());
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.unwrappedPositions(), b.positions());
            Frame c = org.glasssoftness.core.io.lammps.LammpsDataReader.read(data,
                    org.glasssoftness.core.model.TypeMap.empty());
            assertEquals(List.of("Li", "B", "O", "P"), c.speciesNames(), "species from the masses");
            double[] ua = s.frame(0).unwrappedPositions(), uc = c.unwrappedPositions();
            for (int i = 0; i < ua.length; i++) assertEquals(ua[i], uc[i], 1e-9);
        }
    }
}
