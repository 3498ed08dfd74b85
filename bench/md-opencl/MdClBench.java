import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.build.GlassBuilder;
import org.glasssoftness.core.md.export.LammpsInputExport;
import org.glasssoftness.core.md.forcefield.BoronOxygenRule;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.integrate.Thermo;
import org.glasssoftness.core.md.integrate.VelocityInit;
import org.glasssoftness.core.md.protocol.MdSettings;
import org.glasssoftness.core.md.protocol.MdSimulation;
import org.glasssoftness.core.md.opencl.ClForces;
import org.glasssoftness.core.md.protocol.Stage;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.progress.Progress;

/**
 * OpenCL MD benchmark: a random-packed 40Li2O-30B2O3-30P2O5 glass (2.4 g/cm^3, seed 1) of {@code baseAtoms},
 * relaxed by FIRE on the chosen backend, replicated nx x ny x nz (so large systems start relaxed too, at no FIRE
 * cost), then NVT 300 K (1 fs, 10 Å cutoff, PPPM 1e-5, skin 2 Å) timed over the MD steps only: the stage setup
 * (upload, list build, first forces), which LAMMPS' "Loop time" leaves out too, is measured by a 1-step stage and
 * subtracted, steps/s = (steps - 1) / (T(steps) - T(1)); the rate with the setup is printed as well. Writes the replicated
 * start and the NVT stage as a LAMMPS input (the project's LammpsInputExport, no minimisation) into outDir for run.sh.
 * Usage: java MdClBench baseAtoms fireSteps nx,ny,nz warmSteps mdSteps outDir backend precision threads
 */
public class MdClBench {
    public static void main(String[] a) throws Exception {
        int atoms = Integer.parseInt(a[0]), fire = Integer.parseInt(a[1]);
        String[] rep = a[2].split(",");
        int nx = Integer.parseInt(rep[0]), ny = Integer.parseInt(rep[1]), nz = Integer.parseInt(rep[2]);
        int warm = Integer.parseInt(a[3]), steps = Integer.parseInt(a[4]);
        Path out = Path.of(a[5]);
        String backend = a[6], precision = a[7];
        int threads = Integer.parseInt(a[8]);
        ForceField ff = ForceField.dengDuLiBP();
        Map<String, Double> comp = new LinkedHashMap<>();
        comp.put("Li2O", 40.0); comp.put("B2O3", 30.0); comp.put("P2O5", 30.0);
        Frame f = GlassBuilder.randomPacking(GlassBuilder.atomCounts(comp, atoms, ff), 2.4, 1.7, 1);
        MdState s = MdState.fromFrame(f, ff);
        PairCoefficients[][] c = ff.resolve(s.speciesNames, comp, BoronOxygenRule.PhosphateOption.COUNT_AS_SILICA);
        MdSettings set = new MdSettings(10.0, 2.0, "pppm", 1e-5, 0.001, 1000000, 0, threads, backend, precision);
        double fireSec;
        try (MdSimulation base = new MdSimulation(s, c, set)) {
            long m0 = System.nanoTime();
            base.minimize(fire, 0.05, Progress.NONE);
            fireSec = (System.nanoTime() - m0) / 1e9;
        }
        s.wrap();
        MdState big = replicate(s, nx, ny, nz);
        // LAMMPS gets the same relaxed start and one NVT stage of warm + steps (its last "Loop time")
        LammpsInputExport.write(out, big, c, set, List.of(Stage.nvt("md", warm + steps, 300, 300, 0.1)), 300, 1, 0);
        try (MdSimulation sim = new MdSimulation(big, c, set)) {
            if (sim.backendWarning() != null) System.out.println("warning: " + sim.backendWarning());
            VelocityInit.create(big, 300, 1);
            sim.run(List.of(Stage.nvt("warm", warm, 300, 300, 0.1)), Progress.NONE);
            // a stage's setup (state upload, list build, first forces with energies) is outside LAMMPS' "Loop time";
            // a 1-step stage measures it, and the rate is taken from the difference: (steps - 1) / (T - T1)
            long p0 = System.nanoTime();
            sim.run(List.of(Stage.nvt("probe", 1, 300, 300, 0.1)), Progress.NONE);
            double one = (System.nanoTime() - p0) / 1e9;
            if (sim.forces() instanceof ClForces cl) cl.resetProfile();
            long t0 = System.nanoTime();
            sim.run(List.of(Stage.nvt("md", steps, 300, 300, 0.1)), Progress.NONE);
            double sec = (System.nanoTime() - t0) / 1e9;
            double rate = (steps - 1) / (sec - one);
            System.out.printf(Locale.ROOT, "ours atoms=%d steps=%d time=%.3f s (with setup %.3f s/s; setup + 1 step %.3f s) "
                    + "steps/s=%.4f ns/day=%.4f T=%.1f fire(base)=%.1fs backend=%s kspace=%s%n", big.n, steps, sec,
                    steps / sec, one, rate, rate * 0.001 * 86400 / 1000, Thermo.temperature(big), fireSec,
                    sim.backendDescription(), sim.forces().describeKspace());
            if (sim.forces() instanceof ClForces cl && !cl.profile().isEmpty()) System.out.println("  profile: " + cl.profile());
            if (sim.forces() instanceof ClForces cl && !cl.halfList()
                    && Boolean.parseBoolean(System.getenv().getOrDefault("AB_TABLES", "false"))) {
                // the same steps again with the exact pair kernel (A/B of the tabulated kernel), then tables again
                for (boolean tab : new boolean[] {false, true}) {
                    cl.setTabulated(tab);
                    cl.resetProfile();
                    long t1 = System.nanoTime();
                    sim.run(List.of(Stage.nvt("md", steps, 300, 300, 0.1)), Progress.NONE);
                    double sec1 = (System.nanoTime() - t1) / 1e9;
                    System.out.printf(Locale.ROOT, "  tables=%s steps/s=%.4f %s%n", tab, steps / sec1, cl.profile());
                }
            }
        }
    }

    /** The state repeated nx x ny x nz times (orthogonal box), ids 1..N in copy order, no velocities. */
    static MdState replicate(MdState s, int nx, int ny, int nz) {
        int m = s.n * nx * ny * nz;
        long[] id = new long[m];
        int[] sp = new int[m];
        double[] q = new double[m], ms = new double[m], x = new double[3 * m];
        int j = 0;
        for (int a = 0; a < nx; a++) for (int b = 0; b < ny; b++) for (int c = 0; c < nz; c++) {
            for (int i = 0; i < s.n; i++, j++) {
                id[j] = j + 1; sp[j] = s.species[i]; q[j] = s.charge[i]; ms[j] = s.mass[i];
                x[3 * j] = s.x[3 * i] + a * s.box.lx();
                x[3 * j + 1] = s.x[3 * i + 1] + b * s.box.ly();
                x[3 * j + 2] = s.x[3 * i + 2] + c * s.box.lz();
            }
        }
        org.glasssoftness.core.model.Box bx = s.box;
        org.glasssoftness.core.model.Box nb = new org.glasssoftness.core.model.Box(bx.xlo(), bx.ylo(), bx.zlo(),
                bx.lx() * nx, bx.ly() * ny, bx.lz() * nz, 0, 0, 0, true, true, true);
        return new MdState(nb, id, s.speciesNames, sp, q, ms, x, null, null);
    }
}
