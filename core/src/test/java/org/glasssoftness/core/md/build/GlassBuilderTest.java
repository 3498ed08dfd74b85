package org.glasssoftness.core.md.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.model.Elements;
import org.glasssoftness.core.model.Frame;
import org.junit.jupiter.api.Test;

class GlassBuilderTest {
    static Map<String, Double> libp(double li, double b, double p) {
        Map<String, Double> c = new LinkedHashMap<>();
        c.put("Li2O", li); c.put("B2O3", b); c.put("P2O5", p);
        return c;
    }

    @Test
    void countsAreIntegerNeutralAndFollowTheComposition() {
        ForceField ff = ForceField.dengDuLiBP();
        // 40/30/30: 4.8 atoms per mole of oxide, so 768 atoms = 160 oxide units: 64 Li2O, 48 B2O3, 48 P2O5
        Map<String, Integer> c = GlassBuilder.atomCounts(libp(40, 30, 30), 768, ff);
        assertEquals(Map.of("Li", 128, "B", 96, "P", 96, "O", 448), c);
        // percentages need not sum to 100
        assertEquals(c, GlassBuilder.atomCounts(libp(4, 3, 3), 768, ff));
        Map<String, Integer> d = GlassBuilder.atomCounts(libp(35, 30, 35), 3000, ff);
        int total = d.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(Math.abs(total - 3000) < 10, "close to the target: " + total);
        double q = 0;
        for (Map.Entry<String, Integer> e : d.entrySet()) q += e.getValue() * ff.species(e.getKey()).charge();
        assertEquals(0, q, 1e-9);
    }

    @Test
    void badCompositionsAreRejected() {
        ForceField ff = ForceField.dengDuLiBP();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GlassBuilder.atomCounts(Map.of("Li2O2", 50.0, "B2O3", 50.0), 500, ff));
        assertTrue(e.getMessage().contains("net charge"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GlassBuilder.atomCounts(Map.of("SiO2", 100.0), 500, ff));
        assertTrue(e.getMessage().contains("Si"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GlassBuilder.atomCounts(Map.of("B2O3", 0.0), 500, ff));
    }

    @Test
    void randomPackingHasDensityMinimumSeparationAndIsSeeded() {
        Map<String, Integer> c = GlassBuilder.atomCounts(libp(40, 30, 30), 768, ForceField.dengDuLiBP());
        Frame f = GlassBuilder.randomPacking(c, 2.4, 1.7, 5);
        double mass = 0;
        for (int i = 0; i < f.atomCount(); i++) mass += Elements.mass(f.speciesOf(i));
        double density = mass / 6.02214076e23 / (f.box().volume() * 1e-24);
        assertEquals(2.4, density, 1e-9);
        assertArrayEquals(new int[] {128, 96, 96, 448}, f.speciesCounts());
        double[] x = f.positions();
        double l = f.box().lx(), min2 = Double.MAX_VALUE;
        for (int i = 0; i < f.atomCount(); i++) {
            assertTrue(x[3 * i] >= 0 && x[3 * i] < l && x[3 * i + 2] >= 0 && x[3 * i + 2] < l);
            for (int j = i + 1; j < f.atomCount(); j++) {
                double[] d = {x[3 * j] - x[3 * i], x[3 * j + 1] - x[3 * i + 1], x[3 * j + 2] - x[3 * i + 2]};
                f.box().minimumImage(d, 0);
                min2 = Math.min(min2, d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            }
        }
        assertTrue(Math.sqrt(min2) >= 1.7, "minimum separation " + Math.sqrt(min2));
        assertArrayEquals(x, GlassBuilder.randomPacking(c, 2.4, 1.7, 5).positions());
        assertFalse(Arrays.equals(x, GlassBuilder.randomPacking(c, 2.4, 1.7, 6).positions()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GlassBuilder.randomPacking(Map.of("O", 500), 2.4, 3.5, 1));
        assertTrue(e.getMessage().contains("could not place"), e.getMessage());
    }
}
