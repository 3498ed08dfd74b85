package org.glasssoftness.core.md.opencl;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.build.GlassBuilder;
import org.glasssoftness.core.md.forcefield.BoronOxygenRule;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.md.forcefield.PairCoefficients;

/**
 * Benchmark (not a test): the device pair kernel alone (its per-phase time with {@link ClForces#PROFILE_PROPERTY}) for
 * the pair lists (full neighbour-major, full atom-major, half) x the default kernel (exact; Coulomb table in mixed mode
 * on CPU devices) / the tabulated kernel ({@code setTabulated}), interleaved in rounds on the same
 * configuration (random-packed 40Li2O-30B2O3-30P2O5, 2.4 g/cm^3, seed 1; 10 Å cutoff, skin 2 Å, device PPPM 1e-5) so
 * that a shared machine's load hits all variants alike; prints each variant's best round (ms per pair kernel call).
 * Usage: ClPairBench atoms rounds callsPerRound mixed|double
 */
public final class ClPairBench {
    /** CPU time of the whole process (the device's worker threads included), ns. */
    private static long cpuNs() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] a) {
        int atoms = Integer.parseInt(a[0]), rounds = Integer.parseInt(a[1]), calls = Integer.parseInt(a[2]);
        boolean mixed = a[3].equals("mixed");
        System.setProperty(ClForces.PROFILE_PROPERTY, "true");
        ForceField ff = ForceField.dengDuLiBP();
        Map<String, Double> comp = new LinkedHashMap<>();
        comp.put("Li2O", 40.0); comp.put("B2O3", 30.0); comp.put("P2O5", 30.0);
        MdState s = MdState.fromFrame(GlassBuilder.randomPacking(GlassBuilder.atomCounts(comp, atoms, ff), 2.4, 1.7, 1), ff);
        PairCoefficients[][] c = ff.resolve(s.speciesNames, comp, BoronOxygenRule.PhosphateOption.COUNT_AS_SILICA);
        String[] layouts = {"neighbour", "atom", "atom"}, lists = {"full", "full", "half"};
        String[] names = {"full, neighbour-major", "full, atom-major", "half"};
        int variants = layouts.length;
        ClForces[] cl = new ClForces[variants];
        for (int l = 0; l < variants; l++) {
            System.setProperty(ClForces.LAYOUT_PROPERTY, layouts[l]);
            System.setProperty(ClForces.PAIR_LIST_PROPERTY, lists[l]);
            ClRuntime rt = ClTestSupport.open();
            cl[l] = new ClForces(rt, true, c, 10.0, 2.0, new ClPppm(rt.context(), rt.queue(), rt.device(), mixed, 1e-5,
                    10.0, 5), mixed);
        }
        System.clearProperty(ClForces.LAYOUT_PROPERTY);
        System.clearProperty(ClForces.PAIR_LIST_PROPERTY);
        double[][] best = new double[variants][2];
        double[] buildMs = new double[variants];
        double[][] bestCpu = new double[variants][2];
        for (double[] b : bestCpu) java.util.Arrays.fill(b, Double.MAX_VALUE);
        for (double[] b : best) java.util.Arrays.fill(b, Double.MAX_VALUE);
        try {
            for (int r = 0; r < rounds; r++) {
                for (int l = 0; l < variants; l++) {
                    for (int t = 0; t < 2; t++) {
                        if (t == 1 && cl[l].halfList()) continue; // the tables are full-list options
                        cl[l].setTabulated(t == 1);
                        cl[l].resetProfile();
                        cl[l].invalidate();
                        cl[l].compute(s); // warm-up (list, tables)
                        buildMs[l] = 1e3 * Double.parseDouble(cl[l].profile().replaceAll(".*list build ([0-9.]+) s.*", "$1"));
                        cl[l].resetProfile();
                        long cpu0 = cpuNs();
                        for (int k = 0; k < calls; k++) {
                            if (Boolean.getBoolean("bench.forcesonly")) cl[l].forcesOnly(s);
                            else cl[l].compute(s);
                        }
                        bestCpu[l][t] = Math.min(bestCpu[l][t], (cpuNs() - cpu0) / 1e6 / calls);
                        String p = cl[l].profile();
                        double sec = Double.parseDouble(p.replaceAll(".*pair ([0-9.]+) s.*", "$1"));
                        best[l][t] = Math.min(best[l][t], 1e3 * sec / calls);
                    }
                }
            }
        } finally {
            for (ClForces f : cl) f.close();
        }
        System.out.printf(Locale.ROOT, "pair kernel, %d atoms, %s, best of %d rounds x %d calls (ms per call):%n",
                s.n, mixed ? "mixed" : "double", rounds, calls);
        for (int l = 0; l < variants; l++) {
            System.out.printf(Locale.ROOT, "  %-22s default %8.1f  tabulated %8.1f  (list build %6.1f ms; process CPU ms "
                    + "per whole compute() call: exact %7.1f, tabulated %7.1f)%n", names[l], best[l][0], best[l][1],
                    buildMs[l], bestCpu[l][0], bestCpu[l][1]);
        }
        System.out.println("  on " + cl[0].describe());
    }
}
