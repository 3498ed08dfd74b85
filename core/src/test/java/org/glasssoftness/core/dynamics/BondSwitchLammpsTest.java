package org.glasssoftness.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.glasssoftness.core.io.LammpsRunner;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.TestFrames;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The B–O coordination numbers of the bond-switch analysis against LAMMPS' compute coord/atom in a triclinic box. */
class BondSwitchLammpsTest {

    @Test
    void coordinationNumbersMatchLammpsCoordAtom(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(LammpsRunner.available(), "LAMMPS (lmp) is not installed");
        Box box = new Box(0, 0, 0, 11, 10, 9.5, 2.0, -1.5, 1.2, true, true, true);
        int n = 400; // dense enough that B atoms have 0..6 O within 2 Å, many bonds crossing faces
        double[] p = TestFrames.randomInBox(box, n, 77);
        String[] sp = new String[n];
        int[] type = new int[n];
        for (int i = 0; i < n; i++) {
            type[i] = i % 5 == 0 ? 2 : (i % 5 == 1 ? 1 : 3); // 1 Li, 2 B, 3 O
            sp[i] = type[i] == 1 ? "Li" : type[i] == 2 ? "B" : "O";
        }
        StringBuilder data = new StringBuilder("random B/O/Li\n\n").append(n).append(" atoms\n3 atom types\n\n");
        data.append(String.format(Locale.ROOT, "0 %.17g xlo xhi\n0 %.17g ylo yhi\n0 %.17g zlo zhi\n%.17g %.17g %.17g xy xz yz\n\n",
                box.lx(), box.ly(), box.lz(), box.xy(), box.xz(), box.yz()));
        data.append("Masses\n\n1 6.94\n2 10.81\n3 16.00\n\nAtoms # atomic\n\n");
        for (int i = 0; i < n; i++) {
            data.append(String.format(Locale.ROOT, "%d %d %.17g %.17g %.17g\n", i + 1, type[i], p[3 * i], p[3 * i + 1], p[3 * i + 2]));
        }
        Files.writeString(tmp.resolve("in.data"), data);
        LammpsRunner.run(tmp, String.join("\n",
                "units metal", "atom_style atomic", "boundary p p p", "read_data in.data",
                "pair_style zero 3.0", "pair_coeff * *", "group B type 2",
                "compute cn B coord/atom cutoff 2.0 3",
                "dump d B custom 1 cn.dump id c_cn", "dump_modify d sort id", "run 0", ""));
        List<String> lines = Files.readAllLines(tmp.resolve("cn.dump"));
        Map<Long, Integer> lammps = new HashMap<>();
        for (int k = lines.indexOf("ITEM: ATOMS id c_cn") + 1; k < lines.size(); k++) {
            String[] f = lines.get(k).trim().split("\\s+");
            lammps.put(Long.parseLong(f[0]), (int) Math.round(Double.parseDouble(f[1])));
        }
        assertEquals(80, lammps.size());

        Frame f = TestFrames.frame(0, box, sp, p, false, null);
        BondSwitch.Result r = new BondSwitch(BondSwitch.Settings.defaults()).compute(Trajectory.of(List.of(f, f)), Progress.NONE);
        int maxCn = 0;
        for (int q = 0; q < r.ids().length; q++) {
            assertEquals(lammps.get(r.ids()[q]).intValue(), r.cnRef()[q], "B id " + r.ids()[q]);
            maxCn = Math.max(maxCn, r.cnRef()[q]);
        }
        assertTrue(maxCn >= 3, "the configuration exercises several coordination numbers");
    }
}
