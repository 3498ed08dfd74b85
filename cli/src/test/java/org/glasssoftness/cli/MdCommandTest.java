package org.glasssoftness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.glasssoftness.core.md.protocol.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MdCommandTest {
    @Test
    void stageListsParse() {
        List<Stage> s = MdCommand.parseStages("melt:nvt:100:3000,cool:nvt:200:3000:300:0.05,prod:nve:50", 0.001);
        assertEquals(3, s.size());
        assertEquals(Stage.nvt("melt", 100, 3000, 3000, 0.1), s.get(0));
        assertEquals(Stage.nvt("cool", 200, 3000, 300, 0.05), s.get(1));
        assertEquals(Stage.nve("prod", 50), s.get(2));
        List<Stage> mq = MdCommand.parseStages("melt-quench", 0.001);
        assertEquals(2_700_000, mq.get(1).steps(), "3000 K -> 300 K at 1 K/ps with 1 fs steps");
        assertEquals(Stage.npt("c", 10, 300, 300, 0.1, 0, 0, 1.0, "yz"), MdCommand.parseStages("c:npt:10:300:300:0:0:yz", 0.001).get(0));
        assertThrows(IllegalArgumentException.class, () -> MdCommand.parseStages("x:npt:10:300", 0.001));
        assertThrows(IllegalArgumentException.class, () -> MdCommand.parseStages("x:nph:10:300", 0.001));
    }

    @Test
    void buildGlassThenShortMdWritesTablesTrajectoryAndCheckpoint(@TempDir Path dir) throws Exception {
        int rc = GlassSoftnessCli.commandLine().execute("build-glass", "--atoms", "800", "--out", dir.resolve("g").toString());
        assertEquals(0, rc);
        assertTrue(Files.readString(dir.resolve("g/counts.csv")).contains("Li,134"));
        rc = GlassSoftnessCli.commandLine().execute("md", "--start", dir.resolve("g/glass.gsf").toString(),
                "--stages", "a:nvt:4:300,b:nve:2", "--thermo-every", "2", "--dump-every", "2", "--threads", "1",
                "--out", dir.resolve("run").toString());
        assertEquals(0, rc);
        List<String> thermo = Files.readAllLines(dir.resolve("run/thermo.csv"));
        assertEquals(1 + 4, thermo.size(), "header + steps 0, 2, 4, 6");
        assertTrue(thermo.get(4).startsWith("6,b,"));
        assertTrue(Files.size(dir.resolve("run/trajectory.gsf")) > 0);
        assertTrue(Files.readString(dir.resolve("run/trajectory.dump")).startsWith("ITEM: TIMESTEP"));
        // a LAMMPS data file from build-glass is a valid start too
        rc = GlassSoftnessCli.commandLine().execute("md", "--start", dir.resolve("g/glass.data").toString(),
                "--stages", "a:nve:2", "--threads", "1", "--out", dir.resolve("run2").toString());
        assertEquals(0, rc);
        assertTrue(Files.size(dir.resolve("run/md.ckpt")) > 0);
    }

    @Test
    void exportLammpsWritesARunnableInput(@TempDir Path dir) throws Exception {
        int rc = GlassSoftnessCli.commandLine().execute("md", "--atoms", "800", "--stages", "melt:nvt:100:3000,q:nvt:100:3000:300",
                "--export-lammps", "--out", dir.toString());
        assertEquals(0, rc);
        String in = Files.readString(dir.resolve("in.lmp"));
        assertTrue(in.matches("(?s).*pair_style hybrid/overlay buck/coul/long 10\\.0* table spline.*"), in);
        assertTrue(in.matches("(?s).*kspace_style pppm 1\\.0*e-05.*"), in);
        assertTrue(in.contains("minimize 0 0.05 500"), in);
        assertTrue(in.matches("(?s).*fix s2 all nvt temp 3000\\.0* 300\\.0* 0\\.10*\n.*"), in);
        assertTrue(Files.readString(dir.resolve("data.lmp")).contains("801 atoms"));
        assertTrue(Files.size(dir.resolve("core.table")) > 0);
    }

    @Test
    void tensionRunWritesTheStressStrainTable(@TempDir Path dir) throws Exception {
        int rc = GlassSoftnessCli.commandLine().execute("md", "--atoms", "800", "--minimize", "20", "--replicate-x", "2",
                "--stages", "pull:tension:4:300:0:0.05", "--thermo-every", "2", "--threads", "2", "--out", dir.toString());
        assertEquals(0, rc);
        List<String> ss = Files.readAllLines(dir.resolve("stress_strain.csv"));
        assertEquals("step,strain,sigma_xx_GPa,sigma_yy_GPa,sigma_zz_GPa", ss.get(0));
        assertEquals(1 + 3, ss.size());
        assertEquals(2e-4, Double.parseDouble(ss.get(3).split(",")[1]), 1e-12, "strain after 4 steps at 0.05/ps");
        assertTrue(Files.readString(dir.resolve("thermo.csv")).contains("pull"));
    }

    /**
     * --backend opencl --precision mixed runs on the device and the summary names it; an unknown --device falls back to
     * the Java backend with the reason on stderr, and the run still succeeds; mixed and double agree on the thermo to
     * the mixed-mode accuracy.
     */
    @Test
    void backendAndPrecisionOptionsAndTheFallback(@TempDir Path dir) throws Exception {
        java.io.PrintStream oldOut = System.out, oldErr = System.err;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(), err = new java.io.ByteArrayOutputStream();
        int rcMixed, rcJava;
        try {
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            rcMixed = GlassSoftnessCli.commandLine().execute("md", "--atoms", "800", "--minimize", "10", "--stages",
                    "a:nvt:4:300", "--thermo-every", "2", "--backend", "opencl", "--precision", "mixed",
                    "--out", dir.resolve("mixed").toString());
            rcJava = GlassSoftnessCli.commandLine().execute("md", "--atoms", "800", "--minimize", "10", "--stages",
                    "a:nvt:4:300", "--thermo-every", "2", "--backend", "opencl", "--device", "no-such-device-xyz",
                    "--out", dir.resolve("java").toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String o = out.toString(java.nio.charset.StandardCharsets.UTF_8), e = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, rcMixed, o + e);
        assertEquals(0, rcJava, o + e);
        assertTrue(o.matches("(?s).*md: done, 801 atoms, 4 steps .*opencl mixed( half-list)?( coulomb-table)? on OpenCL .*pppm g=.*opencl mixed.*"), o);
        assertTrue(e.contains("OpenCL unavailable (no OpenCL device matches 'no-such-device-xyz'")
                && e.contains("running on the Java backend"), e);
        assertTrue(o.matches("(?s).*md: done, 801 atoms, 4 steps .*java \\(\\d+ threads?\\), pppm g=.*"), o);
        List<String> a = Files.readAllLines(dir.resolve("mixed/thermo.csv")), b = Files.readAllLines(dir.resolve("java/thermo.csv"));
        assertEquals(a.size(), b.size());
        int pe = List.of(a.get(0).split(",")).indexOf("PE_eV");
        double peMixed = Double.parseDouble(a.get(a.size() - 1).split(",")[pe]), peJava = Double.parseDouble(b.get(b.size() - 1).split(",")[pe]);
        assertEquals(peJava, peMixed, 1e-4 * Math.abs(peJava), "final PE mixed (device) vs Java");
    }
}
