package org.glasssoftness.core.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.glasssoftness.core.io.LammpsRunner;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.TestFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** g(r) and running coordination against LAMMPS' {@code compute rdf} on the same configuration. */
class LammpsRdfComparisonTest {

    @Test
    void partialsAndCoordinationMatchLammpsComputeRdf(@TempDir Path dir) throws Exception {
        Box box = new Box(0, 0, 0, 18, 17, 16, 2.0, -1.5, 1.0, true, true, true);
        Frame f = TestFrames.idealGas(box, List.of("Li", "O"), new int[] {150, 250}, 42);
        double rMax = 7.0;
        int bins = 70;
        writeData(dir.resolve("data.lmp"), f);
        LammpsRunner.run(dir, String.join("\n",
                "units metal", "atom_style atomic", "boundary p p p", "read_data data.lmp",
                "pair_style zero " + rMax, "pair_coeff * *", "neighbor 0.0 bin",
                "compute 1 all rdf " + bins + " 1 1 1 2 2 2",
                "fix 1 all ave/time 1 1 1 c_1[*] file rdf.txt mode vector format \" %.15g\"", "run 0", ""));
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("rdf.txt"))) {
            String[] t = line.trim().split("\\s+");
            if (line.startsWith("#") || t.length < 8) continue;
            double[] v = new double[t.length];
            for (int i = 0; i < t.length; i++) v[i] = Double.parseDouble(t[i]);
            rows.add(v);
        }
        assertEquals(bins, rows.size());

        RdfResult res = new PairDistribution(rMax, rMax / bins, false, 2).compute(f);
        double[] r = res.r();
        String[][] pairs = {{"Li", "Li"}, {"Li", "O"}, {"O", "O"}};
        int compared = 0;
        for (int pi = 0; pi < 3; pi++) {
            double[] g = res.partial(pairs[pi][0], pairs[pi][1]);
            double[] cn = res.runningCoordination(pairs[pi][0], pairs[pi][1]);
            for (int k = 0; k < bins; k++) {
                double[] row = rows.get(k);
                assertEquals(row[1], r[k], 1e-12, "bin centre " + k);
                double gl = row[2 + 2 * pi], cl = row[3 + 2 * pi];
                assertEquals(gl, g[k], 1e-10 * Math.max(1, gl), pairs[pi][0] + "-" + pairs[pi][1] + " g bin " + k);
                assertEquals(cl, cn[k], 1e-10 * Math.max(1, cl), pairs[pi][0] + "-" + pairs[pi][1] + " cn bin " + k);
                if (gl > 0) compared++;
            }
        }
        assertTrue(compared > 150, "too few non-empty bins compared: " + compared);
    }

    static void writeData(Path file, Frame f) throws IOException {
        Box b = f.box();
        StringBuilder sb = new StringBuilder("written by LammpsRdfComparisonTest\n\n");
        sb.append(f.atomCount()).append(" atoms\n").append(f.speciesNames().size()).append(" atom types\n\n");
        sb.append(String.format(Locale.ROOT, "%.17g %.17g xlo xhi%n%.17g %.17g ylo yhi%n%.17g %.17g zlo zhi%n",
                b.xlo(), b.xhi(), b.ylo(), b.yhi(), b.zlo(), b.zhi()));
        if (b.isTriclinic()) sb.append(String.format(Locale.ROOT, "%.17g %.17g %.17g xy xz yz%n", b.xy(), b.xz(), b.yz()));
        sb.append("\nMasses\n\n");
        for (int t = 0; t < f.speciesNames().size(); t++) sb.append(t + 1).append(" 1.0\n");
        sb.append("\nAtoms # atomic\n\n");
        double[] x = f.positions();
        for (int i = 0; i < f.atomCount(); i++) {
            sb.append(String.format(Locale.ROOT, "%d %d %.17g %.17g %.17g%n", f.ids()[i], f.species()[i] + 1,
                    x[3 * i], x[3 * i + 1], x[3 * i + 2]));
        }
        Files.writeString(file, sb.toString());
    }
}
