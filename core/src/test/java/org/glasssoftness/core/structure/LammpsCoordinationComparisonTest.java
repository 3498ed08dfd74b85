package org.glasssoftness.core.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glasssoftness.core.io.LammpsRunner;
import org.glasssoftness.core.io.lammps.DumpReadOptions;
import org.glasssoftness.core.io.lammps.LammpsDumpReader;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TypeMap;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.sample.SampleTrajectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-atom coordination of the bundled LiBP sample against LAMMPS' {@code compute coord/atom} (cutoff 2.0 Å). */
class LammpsCoordinationComparisonTest {

    @Test
    void coordinationNumbersMatchLammpsCoordAtom(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(LammpsRunner.available(), "LAMMPS (lmp) is not installed");
        Frame f;
        try (Trajectory t = LammpsDumpReader.open(SampleTrajectory.file(),
                DumpReadOptions.of(TypeMap.parse(SampleTrajectory.TYPE_MAP)), Progress.NONE)) {
            f = t.frame(7);
        }
        LammpsRdfComparisonTest.writeData(dir.resolve("data.lmp"), f); // type = species index + 1
        int b = f.speciesIndex("B") + 1, o = f.speciesIndex("O") + 1, p = f.speciesIndex("P") + 1;
        LammpsRunner.run(dir, String.join("\n",
                "units metal", "atom_style atomic", "boundary p p p", "read_data data.lmp",
                "pair_style zero 2.5", "pair_coeff * *", "neighbor 0.0 bin",
                "group oxy type " + o, "group formers type " + b + " " + p,
                "compute cO all coord/atom cutoff 2.0 group oxy",
                "compute cF all coord/atom cutoff 2.0 group formers",
                "dump d all custom 1 coord.txt id type c_cO c_cF", "dump_modify d sort id", "run 0", ""));
        List<String> lines = Files.readAllLines(dir.resolve("coord.txt"));
        int start = lines.indexOf("ITEM: ATOMS id type c_cO c_cF") + 1;
        int n = f.atomCount();
        int[] expected = new int[n];
        for (int i = 0; i < n; i++) {
            String[] t = lines.get(start + i).trim().split("\\s+");
            assertEquals(f.ids()[i], Long.parseLong(t[0]));
            int type = Integer.parseInt(t[1]);
            // our bonds are B-O and P-O only: formers count O neighbours, O counts former neighbours, Li none
            expected[i] = type == b || type == p ? (int) Double.parseDouble(t[2])
                    : type == o ? (int) Double.parseDouble(t[3]) : 0;
        }
        CoordinationResult res = new CoordinationAnalysis(CoordinationAnalysis.Settings.defaults()).compute(f);
        assertArrayEquals(expected, res.table("coordination_atoms").column("cn").ints());
    }
}
