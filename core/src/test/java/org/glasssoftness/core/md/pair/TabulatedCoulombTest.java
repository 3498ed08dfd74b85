package org.glasssoftness.core.md.pair;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.glasssoftness.core.md.ForceEvaluator;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.build.GlassBuilder;
import org.glasssoftness.core.md.forcefield.BoronOxygenRule;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.kspace.Pppm;
import org.junit.jupiter.api.Test;

/**
 * The tabulated real-space kernel (Coulomb and Buckingham tables) against the exact one (which LammpsForceComparisonTest checks against LAMMPS
 * to 1e-9): same configuration, same PPPM. The criteria against LAMMPS are RMS force difference / RMS force
 * &lt;= 1e-4 and energy &lt;= 1e-6 relative; the tables must stay far inside them (measured on this random packing
 * with pairs down to 1.2 Å: forces 2.2e-9, Coulomb energy 4.9e-10, Buckingham energy 3.1e-9 of the total, virial
 * 6e-10).
 */
class TabulatedCoulombTest {
    @Test
    void tableAgreesWithExactKernel() {
        Map<String, Double> comp = new LinkedHashMap<>();
        comp.put("Li2O", 40.0); comp.put("B2O3", 30.0); comp.put("P2O5", 30.0);
        ForceField ff = ForceField.dengDuLiBP();
        MdState a = MdState.fromFrame(GlassBuilder.randomPacking(GlassBuilder.atomCounts(comp, 768, ff), 2.4, 1.2, 4), ff);
        MdState b = MdState.fromFrame(GlassBuilder.randomPacking(GlassBuilder.atomCounts(comp, 768, ff), 2.4, 1.2, 4), ff);
        PairCoefficients[][] c = ff.resolve(a.speciesNames, comp, BoronOxygenRule.PhosphateOption.COUNT_AS_SILICA);
        ForceEvaluator.Energies ea, eb;
        try (ForceEvaluator exact = new ForceEvaluator(c, 10.0, 2.0, new Pppm(1e-5, 10.0), 2, false);
             ForceEvaluator tab = new ForceEvaluator(c, 10.0, 2.0, new Pppm(1e-5, 10.0), 2, true)) {
            ea = exact.compute(a);
            eb = tab.compute(b);
        }
        double df2 = 0, f2 = 0;
        for (int k = 0; k < 3 * a.n; k++) {
            df2 += (a.f[k] - b.f[k]) * (a.f[k] - b.f[k]);
            f2 += a.f[k] * a.f[k];
        }
        double fRel = Math.sqrt(df2 / f2);
        double eRel = Math.abs(ea.eCoul() - eb.eCoul()) / Math.abs(ea.pe());
        double vdwRel = Math.abs(ea.eVdwl() - eb.eVdwl()) / Math.abs(ea.pe());
        double vRel = 0;
        for (int k = 0; k < 6; k++) vRel = Math.max(vRel, Math.abs(ea.virial()[k] - eb.virial()[k]) / Math.abs(ea.virial()[0]));
        System.out.printf("table vs exact: force rms rel %.3g, coulomb energy rel %.3g, buckingham energy rel %.3g, virial rel %.3g%n",
                fRel, eRel, vdwRel, vRel);
        assertTrue(fRel > 0, "the table was not used");
        assertTrue(fRel < 1e-8, "force rms rel " + fRel);
        assertTrue(eRel < 1e-8, "coulomb energy rel " + eRel);
        assertTrue(vdwRel < 1e-8, "buckingham energy rel " + vdwRel);
        assertTrue(vRel < 1e-8, "virial rel " + vRel);
    }
}
