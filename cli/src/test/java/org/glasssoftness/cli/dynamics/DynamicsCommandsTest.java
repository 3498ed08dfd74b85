package org.glasssoftness.cli.dynamics;

import org.glasssoftness.cli.GlassSoftnessCli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.glasssoftness.core.io.store.FrameStore;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.sample.SampleTrajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** d-cum, msd and bond-switch on the bundled sample (80 Li, 60 B, 10 frames). */
class DynamicsCommandsTest {

    private static int run(String... args) {
        return GlassSoftnessCli.commandLine().execute(args);
    }

    @Test
    void dCumWritesOneRowPerLi(@TempDir Path out) throws Exception {
        assertEquals(0, run("d-cum", "--out", out.toString(), "--threads", "2"));
        List<String> rows = Files.readAllLines(out.resolve("d_cum.csv"));
        assertEquals("id,species,D_cum_A,n_intervals,degenerate_intervals,mobile,class", rows.get(0));
        assertEquals(81, rows.size());
        long mobile = rows.stream().skip(1).filter(r -> r.endsWith(",1,mobile")).count();
        assertEquals(24, mobile); // top 30 % of 80
        assertEquals(10, Files.readAllLines(out.resolve("d_cum_curve.csv")).size()); // header + 9 intervals
    }

    @Test
    void msdAndBondSwitch(@TempDir Path out) throws Exception {
        assertEquals(0, run("msd", "--out", out.toString(), "--species", "Li,B", "--timestep-ps", "0.001"));
        List<String> msd = Files.readAllLines(out.resolve("msd.csv"));
        assertEquals("frame,timestep,time_ps,msd_Li_A2,msd_B_A2", msd.get(0));
        assertEquals(11, msd.size());
        assertTrue(Files.readAllLines(out.resolve("msd_fit.csv")).get(1).startsWith("Li,"));
        assertEquals(141, Files.readAllLines(out.resolve("msd_atoms.csv")).size());

        assertEquals(0, run("bond-switch", "--out", out.toString(), "--switched", "decreased,increased,swapped"));
        List<String> fr = Files.readAllLines(out.resolve("bond_switch_fractions.csv"));
        assertEquals(11, fr.size());
        assertTrue(fr.get(1).endsWith(",0.0,0.0,0.0,1.0,0.0"), fr.get(1)); // reference frame: all unchanged
        assertEquals(61, Files.readAllLines(out.resolve("bond_switch_atoms.csv")).size());
    }

    @Test
    void frameStoreInputAndFrameRangeMatchTheSample(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("sample.gsf");
        try (Trajectory t = SampleTrajectory.open()) {
            FrameStore.write(store, t, Progress.NONE);
        }
        Path a = dir.resolve("a"), b = dir.resolve("b");
        assertEquals(0, run("msd", "--out", a.toString(), "--first-frame", "2", "--stride", "3"));
        assertEquals(0, run("msd", "--out", b.toString(), "--first-frame", "2", "--stride", "3",
                "--input", store.toString()));
        List<String> msd = Files.readAllLines(a.resolve("msd.csv"));
        assertEquals(4, msd.size()); // header + frames 2, 5, 8
        assertTrue(msd.get(1).startsWith("2,") && msd.get(3).startsWith("8,"), msd.toString());
        assertEquals(msd, Files.readAllLines(b.resolve("msd.csv")));
    }

    @Test
    void badInputGivesAClearMessage(@TempDir Path out) {
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true));
        try {
            assertEquals(1, run("d-cum", "--out", out.toString(), "--species", "Na"));
            assertEquals(1, run("msd", "--out", out.toString(), "--first-frame", "9"));
            assertEquals(2, run("d-cum", "--out", out.toString(), "--label", "top:1.5"));
            assertEquals(2, run("bond-switch", "--out", out.toString(), "--switched", "broken"));
        } finally {
            System.setErr(err);
        }
        String msg = buf.toString();
        assertTrue(msg.contains("d-cum: D_cum species 'Na' is not in frame 0"), msg);
        assertTrue(msg.contains("msd: MSD needs at least 2 frames"), msg);
        assertTrue(msg.contains("d-cum: mobile fraction must lie strictly between 0 and 1, got 1.5"), msg);
        assertTrue(msg.contains("bond-switch: bond-switch class 'broken' is not one of"), msg);
    }
}
