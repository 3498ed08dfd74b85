package org.glasssoftness.core.md.forcefield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The core recipe and the B-O composition rule against the numbers tabulated in the shared potentials notes
 * (deng-du-libp.md sections 3.2 and 4.4), which were computed independently of this code.
 */
class ForceFieldTest {
    private static void assertCore(ShortRangeCore c, double b, double n, double d, double r0) {
        assertEquals(r0, c.r0(), 6e-4, "r0");
        assertEquals(b, c.b(), Math.abs(b) * 2e-4, "B");
        assertEquals(n, c.n(), Math.abs(n) * 2e-4, "n");
        assertEquals(d, c.d(), Math.abs(d) * 2e-3, "D");
    }

    @Test
    void coreRecipeReproducesTabulatedPOAndOOCores() {
        assertCore(ShortRangeCore.fit(26655.472, 0.181968, 86.856), 28.566, 4.636, -3.406, 1.1680);
        assertCore(ShortRangeCore.fit(2029.2204, 0.343645, 192.58), 46.339, 3.424, -0.3275, 1.9055);
        assertNull(ShortRangeCore.fit(41051.938, 0.15116, 0.0), "Li-O has C = 0 and needs no core");
    }

    @Test
    void coreIsC2ContinuousWithBuckingham() {
        double a = 13120.9, rho = 0.171271, c = 28.5;
        ShortRangeCore core = ShortRangeCore.fit(a, rho, c);
        double r0 = core.r0();
        assertEquals(Buckingham.energy(a, rho, c, r0), core.energy(r0), 1e-9);
        double h = 1e-5;
        double dCore = (core.energy(r0 + h) - core.energy(r0 - h)) / (2 * h);
        assertEquals(Buckingham.derivative(a, rho, c, r0, 1), dCore, 1e-5);
        assertEquals(-Buckingham.derivative(a, rho, c, r0, 1) / r0, core.forceOverR(r0), 1e-9);
        double d2Core = (core.energy(r0 + h) - 2 * core.energy(r0) + core.energy(r0 - h)) / (h * h);
        assertEquals(Buckingham.derivative(a, rho, c, r0, 2), d2Core, 1e-2);
        assertEquals(0, Buckingham.derivative(a, rho, c, r0, 3), 1e-6 * a);
    }

    /** Rows of the table in section 4.4: Li2O, B2O3, P2O5, option, A_BO, r0, B, n, D. */
    @Test
    void boronOxygenPrefactorAndCoreForTaskCompositions() {
        ForceField ff = ForceField.dengDuLiBP();
        double[][] rows = {
            {40, 30, 30, 0, 12525.0, 1.1012, 9.9878, 4.6632, -1.7726},
            {40, 30, 30, 1, 13120.9, 1.0819, 12.1106, 4.4098, -2.2551},
            {35, 30, 35, 1, 13345.0, 1.0751, 12.9373, 4.3325, -2.4564},
            {45, 30, 25, 1, 12948.9, 1.0872, 11.4864, 4.4750, -2.1081},
            {40, 40, 20, 1, 13250.6, 1.0779, 12.5871, 4.3641, -2.3702},
            {40, 20, 40, 1, 13032.0, 1.0846, 11.7870, 4.4428, -2.1783},
            {50, 25, 25, 1, 12763.4, 1.0932, 10.8234, 4.5521, -1.9565},
        };
        List<String> order = List.of("Li", "B", "P", "O");
        for (double[] row : rows) {
            Map<String, Double> ox = Map.of("Li2O", row[0], "B2O3", row[1], "P2O5", row[2]);
            BoronOxygenRule.PhosphateOption opt = row[3] == 0 ? BoronOxygenRule.PhosphateOption.IGNORE
                    : BoronOxygenRule.PhosphateOption.COUNT_AS_SILICA;
            PairCoefficients bo = ff.resolve(order, ox, opt)[1][3];
            assertEquals(row[4], bo.a(), 0.06, "A_BO for " + row[0] + "/" + row[1] + "/" + row[2]);
            ShortRangeCore c = bo.core();
            assertEquals(row[5], c.r0(), 6e-5);
            assertEquals(row[6], c.b(), 6e-4);
            assertEquals(row[7], c.n(), 6e-4);
            assertEquals(row[8], c.d(), 6e-4);
        }
    }

    @Test
    void boronRuleMatchesNpjSilicateValue() {
        // 30B2O3-70SiO2 (R = 0, K = 7/3): npj Comput. Mater. 6 (2020) 25 Table 1 lists A = 12362.78 eV
        BoronOxygenRule rule = ForceField.dengDuLiBP().boronRule();
        assertEquals(12362.78, rule.a(0, 7.0 / 3), 0.01);
    }

    @Test
    void resolvedPairsAndCharges() {
        ForceField ff = ForceField.dengDuLiBP();
        List<String> order = List.of("Li", "B", "P", "O");
        PairCoefficients[][] m = ff.resolve(order, ff.oxideMolesFromCounts(Map.of("Li", 240, "B", 180, "P", 180, "O", 840)),
                BoronOxygenRule.PhosphateOption.COUNT_AS_SILICA);
        assertTrue(!m[0][1].hasShortRange() && !m[1][2].hasShortRange() && !m[0][0].hasShortRange());
        assertEquals(41051.938, m[3][0].a());
        assertEquals(13120.9, m[1][3].a(), 0.06);
        assertEquals(0.0, 240 * 0.6 + 180 * 1.8 + 180 * 3.0 - 840 * 1.2, 1e-9);
        double[] q = ff.charges(order);
        assertEquals(-1.2, q[3]);
        assertEquals(6.941, ff.masses(order)[0]);
    }

    @Test
    void badFilesAreRejectedWithTheKeyNamed() {
        String base = "species = Li, O\nspecies.Li.charge = 0.6\nspecies.O.charge = -1.2\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ForceFieldFile.parse(new StringReader(base + "pair.Li-Xx.A = 1\npair.Li-Xx.rho = 0.1\npair.Li-Xx.C = 0\n"), "f.properties"));
        assertTrue(e.getMessage().contains("Xx"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ForceFieldFile.parse(new StringReader("species = Li\n"), "g.properties"));
        assertTrue(e.getMessage().contains("species.Li.charge"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ForceField.dengDuLiBP().species("Si"));
    }
}
