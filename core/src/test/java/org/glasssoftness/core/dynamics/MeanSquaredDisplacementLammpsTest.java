package org.glasssoftness.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.glasssoftness.core.io.LammpsRunner;
import org.glasssoftness.core.io.lammps.DumpReadOptions;
import org.glasssoftness.core.io.lammps.LammpsDumpReader;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MSD per species against LAMMPS' compute msd on a short two-type Lennard-Jones liquid run. */
class MeanSquaredDisplacementLammpsTest {

    @Test
    void matchesLammpsComputeMsd(@TempDir Path dir) throws Exception {
        LammpsRunner.run(dir, String.join("\n",
                "units lj", "atom_style atomic", "lattice fcc 0.8442", "region box block 0 5 0 5 0 5",
                "create_box 2 box", "create_atoms 1 box", "set type 1 type/fraction 2 0.3 12345", "mass * 1.0",
                "velocity all create 3.0 87287 loop geom", "pair_style lj/cut 2.5", "pair_coeff * * 1.0 1.0 2.5",
                "group a type 1", "group b type 2", "compute ma a msd", "compute mb b msd",
                "fix 1 all nve", "fix out all ave/time 20 1 20 c_ma[4] c_mb[4] file msd.txt format \" %.17g\"",
                "dump img all custom 20 img.dump id type x y z ix iy iz", "dump_modify img sort id format float %.17g",
                "dump wrap all custom 20 wrap.dump id type x y z", "dump_modify wrap sort id format float %.17g",
                "run 400", ""));
        List<double[]> ref = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("msd.txt"))) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] f = line.trim().split("\\s+");
            ref.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])});
        }
        assertEquals(21, ref.size()); // steps 0, 20, ..., 400
        for (String dump : new String[] {"img.dump", "wrap.dump"}) {
            try (Trajectory t = LammpsDumpReader.open(dir.resolve(dump), DumpReadOptions.defaults(), Progress.NONE)) {
                MeanSquaredDisplacement.Result r = new MeanSquaredDisplacement(MeanSquaredDisplacement.Settings.defaults()
                        .withSpecies(List.of("1", "2")).withTimestepPs(0.005)).compute(t, Progress.NONE);
                assertEquals(dump.equals("img.dump"), r.unwrapped());
                for (int k = 0; k < 21; k++) {
                    assertEquals((long) ref.get(k)[0], r.timestep()[k]);
                    assertEquals(ref.get(k)[1], r.msdOf("1")[k], 1e-9 * (1 + ref.get(k)[1]), dump + " type 1 step " + r.timestep()[k]);
                    assertEquals(ref.get(k)[2], r.msdOf("2")[k], 1e-9 * (1 + ref.get(k)[2]), dump + " type 2 step " + r.timestep()[k]);
                }
                assertTrue(r.msdOf("1")[20] > 0.5, "atoms moved far enough to cross faces");
                assertFalse(Double.isNaN(DiffusionFit.fit("1", r.timePs(), r.msdOf("1"), 1.0, 2.0).diffusionA2PerPs()));
            }
        }
    }
}
