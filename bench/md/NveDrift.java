import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.glasssoftness.core.md.ForceEvaluator;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.build.GlassBuilder;
import org.glasssoftness.core.md.forcefield.BoronOxygenRule;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.integrate.FireMinimizer;
import org.glasssoftness.core.md.integrate.NoseHooverChain;
import org.glasssoftness.core.md.integrate.Thermo;
import org.glasssoftness.core.md.integrate.VelocityInit;
import org.glasssoftness.core.md.integrate.VelocityVerlet;
import org.glasssoftness.core.md.kspace.Pppm;

/**
 * The NVE criterion, too long for a unit test: LiBP glass (768 atoms), FIRE, NVT 300 K, then NVE for
 * nvePs ps at 1 fs with PPPM 1e-5; prints max |E(t) - E(0)| / |E(0)| and the linear drift.
 * Usage: java NveDrift nvtPs nvePs threads
 */
public class NveDrift {
    static final boolean TAB = !Boolean.getBoolean("exact");
    public static void main(String[] a) {
        double nvtPs = Double.parseDouble(a[0]), nvePs = Double.parseDouble(a[1]);
        int threads = Integer.parseInt(a[2]);
        ForceField ff = ForceField.dengDuLiBP();
        Map<String, Double> comp = new LinkedHashMap<>();
        comp.put("Li2O", 40.0); comp.put("B2O3", 30.0); comp.put("P2O5", 30.0);
        MdState s = MdState.fromFrame(GlassBuilder.randomPacking(GlassBuilder.atomCounts(comp, 768, ff), 2.4, 1.7, 3), ff);
        PairCoefficients[][] c = ff.resolve(s.speciesNames, comp, BoronOxygenRule.PhosphateOption.COUNT_AS_SILICA);
        try (ForceEvaluator ev = new ForceEvaluator(c, 10.0, 2.0, new Pppm(1e-5, 10.0, 5, threads), threads, TAB)) {
            new FireMinimizer(ev, 0.001, 0.1).minimize(s, 300, 0.05, null);
            VelocityInit.create(s, 300, 3);
            VelocityVerlet nvt = new VelocityVerlet(ev, 0.001, new NoseHooverChain(300, 300, 0.1));
            nvt.setup(s);
            nvt.run(s, Math.round(nvtPs / 0.001), null, null);
            VelocityVerlet nve = new VelocityVerlet(ev, 0.001, null);
            double e0 = nve.setup(s).pe() + Thermo.kinetic(s);
            long steps = Math.round(nvePs / 0.001);
            double[] maxDev = {0}, sums = new double[5];
            nve.run(s, steps, (st, e) -> {
                double de = e.pe() + Thermo.kinetic(st) - e0;
                maxDev[0] = Math.max(maxDev[0], Math.abs(de));
                double t = st.step;
                sums[0] += 1; sums[1] += t; sums[2] += de; sums[3] += t * t; sums[4] += t * de;
            }, null);
            double slope = (sums[0] * sums[4] - sums[1] * sums[2]) / (sums[0] * sums[3] - sums[1] * sums[1]);
            System.out.printf(Locale.ROOT, "NVE %.1f ps after %.1f ps NVT, 768 atoms, T end %.1f K: E0 %.4f eV, max |dE|/|E0| %.3g,"
                    + " linear drift over the run %.3g of |E0|%n", nvePs, nvtPs, Thermo.temperature(s), e0,
                    maxDev[0] / Math.abs(e0), Math.abs(slope * steps) / Math.abs(e0));
        }
    }
}
