import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.glasssoftness.core.md.ForceEvaluator;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.build.GlassBuilder;
import org.glasssoftness.core.md.forcefield.BoronOxygenRule;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.integrate.NoseHooverChain;
import org.glasssoftness.core.md.integrate.Thermo;
import org.glasssoftness.core.md.integrate.VelocityInit;
import org.glasssoftness.core.md.integrate.VelocityVerlet;
import org.glasssoftness.core.md.kspace.Pppm;
import org.glasssoftness.core.md.neighbor.VerletList;
import org.glasssoftness.core.md.pair.BuckCoulLong;
import org.glasssoftness.core.model.Frame;

/**
 * Benchmark of the Java MD backend: NVT 300 K, 1 fs, 10 Å cutoff, PPPM 1e-5, skin 2 Å on a random-packed LiBP
 * glass (40Li2O-30B2O3-30P2O5, 2.4 g/cm^3). Writes the start configuration as a LAMMPS data file (for the LAMMPS run
 * of run.sh) and prints steps/s plus a component split.
 * Usage: java MdBench atoms threads warmupSteps steps dataFileOut          (build, FIRE, write data, run)
 *        java MdBench --run data.lmp threads warmupSteps steps              (read the written data, run only)
 */
public class MdBench {
    /** Tabulated real-space Coulomb (as LAMMPS' default pair_modify table 12 on the LAMMPS side); -Dexact=true: exact. */
    static final boolean TAB = !Boolean.getBoolean("exact");
    public static void main(String[] a) throws Exception {
        if (a[0].equals("--run")) {
            runOnly(Path.of(a[1]), Integer.parseInt(a[2]), Integer.parseInt(a[3]), Integer.parseInt(a[4]));
            return;
        }
        int atoms = Integer.parseInt(a[0]), threads = Integer.parseInt(a[1]);
        int warm = Integer.parseInt(a[2]), steps = Integer.parseInt(a[3]);
        ForceField ff = ForceField.dengDuLiBP();
        Map<String, Double> comp = new LinkedHashMap<>();
        comp.put("Li2O", 40.0); comp.put("B2O3", 30.0); comp.put("P2O5", 30.0);
        Frame f = GlassBuilder.randomPacking(GlassBuilder.atomCounts(comp, atoms, ff), 2.4, 1.7, 1);
        MdState s = MdState.fromFrame(f, ff);
        PairCoefficients[][] c = ff.resolve(s.speciesNames, comp, BoronOxygenRule.PhosphateOption.COUNT_AS_SILICA);
        Pppm pppm = new Pppm(1e-5, 10.0, 5, threads);
        try (ForceEvaluator ev = new ForceEvaluator(c, 10.0, 2.0, pppm, threads, TAB)) {
            // relax the random packing first (FIRE), so both codes start the benchmark from the same cool structure
            long m0 = System.nanoTime();
            org.glasssoftness.core.md.integrate.FireMinimizer.Result r =
                    new org.glasssoftness.core.md.integrate.FireMinimizer(ev, 0.001, 0.1).minimize(s, 300, 0.05, null);
            System.out.printf(Locale.ROOT, "java FIRE: %d steps, PE %.3f eV, %.1f s%n", r.steps(), r.energy(), (System.nanoTime() - m0) / 1e9);
            s.wrap();
            if (a.length > 4) { writeData(Path.of(a[4]), s); writeForceField(Path.of(a[4]).resolveSibling("ff.lmp"), c); }
            VelocityInit.create(s, 300, 1);
            VelocityVerlet vv = new VelocityVerlet(ev, 0.001, new NoseHooverChain(300, 300, 0.1));
            vv.setup(s);
            vv.run(s, warm, null, null);
            long t0 = System.nanoTime();
            long b0 = ev.list().builds();
            vv.run(s, steps, null, null);
            double sec = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "java atoms=%d threads=%d steps=%d time=%.3f s steps/s=%.3f T=%.1f rebuilds=%d %s%n",
                    s.n, threads, steps, sec, steps / sec, Thermo.temperature(s), ev.list().builds() - b0, pppm.describe());
            // component split at the final configuration
            int rep = Math.max(3, steps / 10);
            double[] vir = new double[6];
            long p0 = System.nanoTime();
            for (int k = 0; k < rep; k++) pppm.compute(s, vir);
            double tk = (System.nanoTime() - p0) / 1e9 / rep;
            BuckCoulLong pair = new BuckCoulLong(c, 10.0, threads, TAB);
            VerletList list = ev.list();
            long q0 = System.nanoTime();
            for (int k = 0; k < rep; k++) pair.compute(s, list, pppm.gEwald());
            double tp = (System.nanoTime() - q0) / 1e9 / rep;
            pair.close();
            long n0 = System.nanoTime();
            for (int k = 0; k < rep; k++) list.build(s);
            double tn = (System.nanoTime() - n0) / 1e9 / rep;
            System.out.printf(Locale.ROOT, "java split per call: pair %.2f ms, kspace %.2f ms, neighbour build %.2f ms, list entries %d%n",
                    tp * 1e3, tk * 1e3, tn * 1e3, list.size());
        }
    }

    static void runOnly(Path data, int threads, int warm, int steps) throws Exception {
        ForceField ff = ForceField.dengDuLiBP();
        Map<String, Double> comp = new LinkedHashMap<>();
        comp.put("Li2O", 40.0); comp.put("B2O3", 30.0); comp.put("P2O5", 30.0);
        Frame f = org.glasssoftness.core.io.lammps.LammpsDataReader.read(data,
                org.glasssoftness.core.model.TypeMap.parse("1=Li,2=B,3=P,4=O"));
        MdState s = MdState.fromFrame(f, ff);
        PairCoefficients[][] c = ff.resolve(s.speciesNames, comp, BoronOxygenRule.PhosphateOption.COUNT_AS_SILICA);
        VelocityInit.create(s, 300, 1);
        try (ForceEvaluator ev = new ForceEvaluator(c, 10.0, 2.0, new Pppm(1e-5, 10.0, 5, threads), threads, TAB)) {
            VelocityVerlet vv = new VelocityVerlet(ev, 0.001, new NoseHooverChain(300, 300, 0.1));
            vv.setup(s);
            vv.run(s, warm, null, null);
            long t0 = System.nanoTime();
            vv.run(s, steps, null, null);
            double sec = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "java-run atoms=%d threads=%d steps=%d time=%.3f s steps/s=%.3f T=%.1f%n",
                    s.n, threads, steps, sec, steps / sec, Thermo.temperature(s));
        }
    }

    static void writeData(Path p, MdState s) throws Exception {
        StringBuilder d = new StringBuilder("LiBP glass for the MD benchmark\n\n");
        d.append(s.n).append(" atoms\n").append(s.speciesNames.size()).append(" atom types\n\n");
        d.append(String.format(Locale.ROOT, "%.17g %.17g xlo xhi\n%.17g %.17g ylo yhi\n%.17g %.17g zlo zhi\n\nMasses\n\n",
                s.box.xlo(), s.box.xhi(), s.box.ylo(), s.box.yhi(), s.box.zlo(), s.box.zhi()));
        double[] m = new double[s.speciesNames.size()];
        for (int i = 0; i < s.n; i++) m[s.species[i]] = s.mass[i];
        for (int t = 0; t < m.length; t++) d.append(t + 1).append(' ').append(m[t]).append(" # ").append(s.speciesNames.get(t)).append('\n');
        d.append("\nAtoms # charge\n\n");
        for (int i = 0; i < s.n; i++) {
            d.append(String.format(Locale.ROOT, "%d %d %.17g %.17g %.17g %.17g\n", s.ids[i], s.species[i] + 1, s.charge[i],
                    s.x[3 * i], s.x[3 * i + 1], s.x[3 * i + 2]));
        }
        Files.writeString(p, d.toString());
    }

    /** LAMMPS pair settings of the same model: buck/coul/long 10 + the cores as a linear table (as in the notes). */
    static void writeForceField(Path p, PairCoefficients[][] c) throws Exception {
        StringBuilder in = new StringBuilder("pair_style hybrid/overlay buck/coul/long 10.0 table linear 2000\n");
        StringBuilder table = new StringBuilder("# core minus Buckingham below r0\n");
        for (int i = 0; i < c.length; i++) {
            for (int j = i; j < c.length; j++) {
                PairCoefficients pc = c[i][j];
                in.append(String.format(Locale.ROOT, "pair_coeff %d %d buck/coul/long %.10g %.10g %.10g\n", i + 1, j + 1,
                        pc.hasShortRange() ? pc.a() : 0, pc.hasShortRange() ? pc.rho() : 1, pc.hasShortRange() ? pc.c() : 0));
                if (pc.core() != null) {
                    String key = "CORE_" + i + "_" + j;
                    int n = 2000;
                    double lo = 0.5, hi = pc.core().r0();
                    table.append(String.format(Locale.ROOT, "\n%s\nN %d R %.10g %.10g\n\n", key, n, lo, hi));
                    for (int k = 0; k < n; k++) {
                        double r = lo + (hi - lo) * k / (n - 1);
                        double e = pc.energy(r) - org.glasssoftness.core.md.forcefield.Buckingham.energy(pc.a(), pc.rho(), pc.c(), r);
                        double f = pc.forceOverR(r) * r + org.glasssoftness.core.md.forcefield.Buckingham.derivative(pc.a(), pc.rho(), pc.c(), r, 1);
                        table.append(String.format(Locale.ROOT, "%d %.12g %.12g %.12g\n", k + 1, r, e, f));
                    }
                    in.append(String.format(Locale.ROOT, "pair_coeff %d %d table core.table %s %.10g\n", i + 1, j + 1, key, hi));
                }
            }
        }
        Files.writeString(p, in.toString());
        Files.writeString(p.resolveSibling("core.table"), table.toString());
    }
}
