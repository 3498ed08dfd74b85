package org.glasssoftness.core.md.opencl;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.build.GlassBuilder;
import org.glasssoftness.core.md.forcefield.BoronOxygenRule;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.integrate.FireMinimizer;

/**
 * Host FIRE ({@link FireMinimizer} on {@link ClForces}: positions up, forces down every step) vs device-resident FIRE
 * ({@link ClFireMinimizer}) on the same random packing (40Li2O-30B2O3-30P2O5, 2.4 g/cm^3), device PPPM 1e-5, 10 Å
 * cutoff, exact kernel, fTol 0 (all steps run). Not a test: {@code ClFireBench <atoms> <steps> <rounds> double|mixed}
 * prints the wall time of each run, alternating host and device, each on a fresh backend after one warm-up force call
 * (kernel build and list outside the timing); with {@code -Dglasssoftness.opencl.profile=true} also the per-phase times.
 */
public final class ClFireBench {
    public static void main(String[] a) {
        int atoms = Integer.parseInt(a[0]), steps = Integer.parseInt(a[1]), rounds = Integer.parseInt(a[2]);
        boolean mixed = a[3].equals("mixed");
        ForceField ff = ForceField.dengDuLiBP();
        Map<String, Double> comp = new LinkedHashMap<>();
        comp.put("Li2O", 40.0); comp.put("B2O3", 30.0); comp.put("P2O5", 30.0);
        MdState s0 = MdState.fromFrame(GlassBuilder.randomPacking(GlassBuilder.atomCounts(comp, atoms, ff), 2.4, 1.7, 1), ff);
        PairCoefficients[][] c = ff.resolve(s0.speciesNames, comp, BoronOxygenRule.PhosphateOption.COUNT_AS_SILICA);
        for (int r = 0; r < rounds; r++) {
            for (int device = 0; device < 2; device++) {
                MdState s = ClForcesTest.copy(s0);
                ClRuntime rt = ClTestSupport.open();
                try (ClForces cl = new ClForces(rt, true, c, 10.0, 2.0, new ClPppm(rt.context(), rt.queue(), rt.device(),
                        mixed, 1e-5, 10.0, 5), mixed)) {
                    cl.compute(ClForcesTest.copy(s0)); // warm-up: kernels, list, PPPM setup
                    cl.resetProfile();
                    long t0 = System.nanoTime();
                    FireMinimizer.Result res = device == 1
                            ? new ClFireMinimizer(cl, 0.001, 0.1).minimize(s, steps, 0, null)
                            : new FireMinimizer(cl, 0.001, 0.1).minimize(s, steps, 0, null);
                    double sec = (System.nanoTime() - t0) / 1e9;
                    System.out.printf(Locale.ROOT, "%s FIRE, %d atoms, %s, %d steps: %.2f s (%.1f ms/step), E %.6f eV, "
                            + "max F %.4g eV/Å, %d list builds; %s%s%n", device == 1 ? "device" : "host  ", s.n,
                            mixed ? "mixed" : "double", res.steps(), sec, 1e3 * sec / res.steps(), res.energy(),
                            res.maxForce(), cl.builds(), cl.describe(),
                            cl.profile().isEmpty() ? "" : "\n  profile: " + cl.profile());
                }
            }
        }
    }
}
