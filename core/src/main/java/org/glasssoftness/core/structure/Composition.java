package org.glasssoftness.core.structure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.glasssoftness.core.model.Elements;

/**
 * A glass composition as amounts of components with chemical formulas, e.g. "Li2O=40,B2O3=30,P2O5=30" (mol %;
 * amounts are normalised to mole fractions). One formula unit is sum_k x_k (component k): for the example
 * Li0.8 B0.6 P0.6 O2.8, 4.8 atoms and 75.42 g/mol. Molar volumes "per mole of formula units" use this unit, the
 * convention of glass science (V_m = M / rho with M the mole-fraction-weighted molar mass of the oxides).
 */
public final class Composition {
    private final Map<String, Double> atomsPerUnit;

    private Composition(Map<String, Double> atomsPerUnit) {
        this.atomsPerUnit = Collections.unmodifiableMap(atomsPerUnit);
    }

    /**
     * Parses "Li2O=40,B2O3=30,P2O5=30"; a bare formula "LiBO2" means one unit of it.
     *
     * @throws IllegalArgumentException naming the bad entry
     */
    public static Composition parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty composition");
        Map<String, Double> amounts = new LinkedHashMap<>();
        double total = 0;
        for (String entry : text.split("[,;]")) {
            String e = entry.trim();
            if (e.isEmpty()) continue;
            int eq = e.indexOf('=');
            String formula = (eq < 0 ? e : e.substring(0, eq)).trim();
            double x = 1;
            if (eq >= 0) {
                try {
                    x = Double.parseDouble(e.substring(eq + 1).trim());
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("composition entry '" + e + "': amount is not a number");
                }
            }
            if (!(x > 0) || !Double.isFinite(x)) throw new IllegalArgumentException("composition entry '" + e + "': amount must be > 0");
            amounts.merge(formula, x, Double::sum);
            total += x;
        }
        Map<String, Double> atoms = new LinkedHashMap<>();
        for (Map.Entry<String, Double> c : amounts.entrySet()) {
            double frac = c.getValue() / total;
            formula(c.getKey()).forEach((el, n) -> atoms.merge(el, frac * n, Double::sum));
        }
        return new Composition(atoms);
    }

    /** Element counts of a formula without brackets, e.g. "B2O3" -&gt; {B=2, O=3}. */
    static Map<String, Double> formula(String f) {
        Map<String, Double> m = new LinkedHashMap<>();
        int i = 0;
        if (f.isEmpty()) throw new IllegalArgumentException("empty chemical formula");
        while (i < f.length()) {
            char ch = f.charAt(i);
            if (!Character.isUpperCase(ch)) {
                throw new IllegalArgumentException("chemical formula '" + f + "': expected an element symbol at position " + (i + 1));
            }
            int j = i + 1;
            while (j < f.length() && Character.isLowerCase(f.charAt(j))) j++;
            String el = f.substring(i, j);
            if (!Elements.isKnown(el)) throw new IllegalArgumentException("chemical formula '" + f + "': unknown element " + el);
            int k = j;
            while (k < f.length() && (Character.isDigit(f.charAt(k)) || f.charAt(k) == '.')) k++;
            double n = k == j ? 1 : Double.parseDouble(f.substring(j, k));
            m.merge(el, n, Double::sum);
            i = k;
        }
        return m;
    }

    /** Atoms of each element in one formula unit. */
    public Map<String, Double> atomsPerUnit() { return atomsPerUnit; }

    public double atomCountPerUnit() {
        double s = 0;
        for (double v : atomsPerUnit.values()) s += v;
        return s;
    }

    /** Molar mass of one formula unit (g/mol). */
    public double molarMass() {
        double m = 0;
        for (Map.Entry<String, Double> e : atomsPerUnit.entrySet()) m += e.getValue() * Elements.mass(e.getKey());
        return m;
    }
}
