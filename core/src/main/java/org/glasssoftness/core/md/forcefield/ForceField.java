package org.glasssoftness.core.md.forcefield;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rigid-ion force field as read from a parameter file ({@link ForceFieldFile}): species with partial charges and
 * masses, Buckingham coefficients per pair (the B-O prefactor possibly given by the {@link BoronOxygenRule}), the
 * oxides a glass can be made of, and which oxides count as modifiers (R) and as SiO2-like formers (K).
 * {@link #resolve} turns it into concrete {@link PairCoefficients} for one composition.
 */
public final class ForceField {
    /** One species: name (element symbol), charge in e, mass in g/mol. */
    public record Species(String name, double charge, double mass) { }

    /** A pair entry as written in the file; {@code aFromRule} means A comes from the B-O composition rule. */
    public record PairSpec(String a, String b, double prefactor, boolean aFromRule, double rho, double c,
                           String source) { }

    private final String name;
    private final Map<String, Species> species;
    private final List<PairSpec> pairs;
    private final BoronOxygenRule boronRule;
    private final Map<String, Map<String, Integer>> oxides;
    private final List<String> modifierOxides;
    private final List<String> silicaLikeOxides;
    private final List<String> phosphateOxides;

    public ForceField(String name, Map<String, Species> species, List<PairSpec> pairs, BoronOxygenRule boronRule,
                      Map<String, Map<String, Integer>> oxides, List<String> modifierOxides,
                      List<String> silicaLikeOxides, List<String> phosphateOxides) {
        this.name = name;
        this.species = Collections.unmodifiableMap(new LinkedHashMap<>(species));
        this.pairs = List.copyOf(pairs);
        this.boronRule = boronRule;
        this.oxides = Collections.unmodifiableMap(new LinkedHashMap<>(oxides));
        this.modifierOxides = List.copyOf(modifierOxides);
        this.silicaLikeOxides = List.copyOf(silicaLikeOxides);
        this.phosphateOxides = List.copyOf(phosphateOxides);
    }

    /** The built-in Deng-Du Li-B-P-O parameters. */
    public static ForceField dengDuLiBP() {
        return ForceFieldFile.loadBuiltIn();
    }

    public String name() { return name; }
    public Map<String, Species> species() { return species; }
    public List<PairSpec> pairs() { return pairs; }
    public BoronOxygenRule boronRule() { return boronRule; }
    /** Oxide formula -> element counts, e.g. "Li2O" -> {Li=2, O=1}. */
    public Map<String, Map<String, Integer>> oxides() { return oxides; }

    public Species species(String symbol) {
        Species s = species.get(symbol);
        if (s == null) {
            throw new IllegalArgumentException("species '" + symbol + "' is not in force field '" + name
                    + "' (it knows " + species.keySet() + ")");
        }
        return s;
    }

    /**
     * Molar amounts of each oxide implied by atom counts: every cation is assigned to the one oxide in the file that
     * contains it (oxygen balances). Used to evaluate R and K from a configuration.
     */
    public Map<String, Double> oxideMolesFromCounts(Map<String, Integer> atomCounts) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : atomCounts.entrySet()) {
            String el = e.getKey();
            if (el.equals("O") || e.getValue() == 0) continue;
            String found = null;
            for (Map.Entry<String, Map<String, Integer>> ox : oxides.entrySet()) {
                if (ox.getValue().containsKey(el)) { found = ox.getKey(); break; }
            }
            if (found == null) {
                throw new IllegalArgumentException("no oxide in force field '" + name + "' contains " + el);
            }
            out.merge(found, e.getValue() / (double) oxides.get(found).get(el), Double::sum);
        }
        return out;
    }

    /** R = [modifiers]/[B2O3] and K = [SiO2-like]/[B2O3] (+ [P2O5]/[B2O3] for option (b)). */
    public double[] boronRK(Map<String, Double> oxideMoles, BoronOxygenRule.PhosphateOption option) {
        double b2o3 = oxideMoles.getOrDefault("B2O3", 0.0);
        if (b2o3 <= 0) return new double[] {0, 0};
        double mod = 0, former = 0;
        for (String m : modifierOxides) mod += oxideMoles.getOrDefault(m, 0.0);
        for (String s : silicaLikeOxides) former += oxideMoles.getOrDefault(s, 0.0);
        if (option == BoronOxygenRule.PhosphateOption.COUNT_AS_SILICA) {
            for (String p : phosphateOxides) former += oxideMoles.getOrDefault(p, 0.0);
        }
        return new double[] {mod / b2o3, former / b2o3};
    }

    /**
     * Concrete pair coefficients for the given species order and composition (oxide -> moles, any normalisation).
     * Pairs not in the file are Coulomb only. Cores are generated from (A, rho, C) with {@link ShortRangeCore#fit}.
     *
     * @return a symmetric matrix [ns][ns]
     */
    public PairCoefficients[][] resolve(List<String> speciesOrder, Map<String, Double> oxideMoles,
                                        BoronOxygenRule.PhosphateOption option) {
        for (String s : speciesOrder) species(s);
        int ns = speciesOrder.size();
        PairCoefficients[][] m = new PairCoefficients[ns][ns];
        for (int i = 0; i < ns; i++) {
            for (int j = i; j < ns; j++) {
                String a = speciesOrder.get(i), b = speciesOrder.get(j);
                PairSpec spec = find(a, b);
                PairCoefficients pc;
                if (spec == null) {
                    pc = new PairCoefficients(a, b, 0, 1, 0, null);
                } else {
                    double pre = spec.prefactor();
                    if (spec.aFromRule()) {
                        if (boronRule == null) {
                            throw new IllegalArgumentException("pair " + a + "-" + b
                                    + " takes A from the B-O rule, but the force field has no rule constants");
                        }
                        double[] rk = boronRK(oxideMoles, option);
                        pre = boronRule.a(rk[0], rk[1]);
                    }
                    pc = new PairCoefficients(a, b, pre, spec.rho(), spec.c(), ShortRangeCore.fit(pre, spec.rho(), spec.c()));
                }
                m[i][j] = pc;
                m[j][i] = pc;
            }
        }
        return m;
    }

    private PairSpec find(String a, String b) {
        for (PairSpec p : pairs) {
            if ((p.a().equals(a) && p.b().equals(b)) || (p.a().equals(b) && p.b().equals(a))) return p;
        }
        return null;
    }

    /** Species charges (e) in the given order. */
    public double[] charges(List<String> speciesOrder) {
        double[] q = new double[speciesOrder.size()];
        for (int i = 0; i < q.length; i++) q[i] = species(speciesOrder.get(i)).charge();
        return q;
    }

    /** Species masses (g/mol) in the given order. */
    public double[] masses(List<String> speciesOrder) {
        double[] q = new double[speciesOrder.size()];
        for (int i = 0; i < q.length; i++) q[i] = species(speciesOrder.get(i)).mass();
        return q;
    }

    /** Parses an oxide formula such as "Li2O" or "P2O5" into element counts. */
    public static Map<String, Integer> parseFormula(String formula) {
        Map<String, Integer> m = new LinkedHashMap<>();
        int i = 0;
        String f = formula.trim();
        if (f.isEmpty()) throw new IllegalArgumentException("empty oxide formula");
        while (i < f.length()) {
            char ch = f.charAt(i);
            if (!Character.isUpperCase(ch)) {
                throw new IllegalArgumentException("bad oxide formula '" + formula + "' at position " + i);
            }
            int j = i + 1;
            while (j < f.length() && Character.isLowerCase(f.charAt(j))) j++;
            String el = f.substring(i, j);
            int k = j;
            while (k < f.length() && Character.isDigit(f.charAt(k))) k++;
            int count = k > j ? Integer.parseInt(f.substring(j, k)) : 1;
            m.merge(el, count, Integer::sum);
            i = k;
        }
        return m;
    }

    static List<String> list(String csv) {
        List<String> out = new ArrayList<>();
        if (csv == null) return out;
        for (String s : csv.split(",")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }
}
