package org.glasssoftness.core.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.table.ResultTable;

/**
 * Results of a {@link CoordinationAnalysis} as tables:
 * <ul>
 * <li>{@code coordination_atoms}: frame, timestep, id, species, cn, cn_X per neighbour species X,
 *     bond_length_mean_A (NaN when cn = 0), n_bridging (formers: bonded bridging anions, else -1),
 *     bridging (anions: 1 if bonded to &gt;= 2 formers, 0 if not; else -1);
 * <li>{@code coordination_states}: species, cn, atoms_per_frame, fraction, bond_length_mean_A (over the bonds of
 *     atoms in that state), for every species that has a cutoff;
 * <li>{@code qn}: species, n, atoms_per_frame, fraction for each former bonded to the anion;
 * <li>{@code bond_angles}: angle_deg (bin centres) and p_A-C-B_deg-1 (probability density, integrates to 1);
 * <li>{@code structure_summary}: quantity, value, unit (densities, molar volumes, mean cn, state fractions, mean
 *     bond lengths per state, mean angles), each averaged over frames.
 * </ul>
 */
public final class CoordinationResult {
    private final List<ResultTable> tables;
    private final Map<String, Double> summary;

    private CoordinationResult(List<ResultTable> tables, Map<String, Double> summary) {
        this.tables = List.copyOf(tables);
        this.summary = summary;
    }

    /** All tables: atoms (if requested), states, qn, bond_angles, structure_summary. */
    public List<ResultTable> tables() { return tables; }

    public ResultTable table(String name) {
        for (ResultTable t : tables) if (t.name().equals(name)) return t;
        throw new IllegalArgumentException("no table " + name);
    }

    /** A summary value by quantity name (e.g. "fraction_[4]B"), or NaN if absent. */
    public double summaryValue(String quantity) {
        Double v = summary.get(quantity);
        return v == null ? Double.NaN : v;
    }

    public Map<String, Double> summary() { return summary; }

    /** Accumulates frames in order. */
    static final class Builder {
        private final List<String> species;
        private final double[][] cut;
        private final CoordinationAnalysis.Settings settings;
        private final List<int[]> triplets;
        private final boolean[] former;
        private final int anion;
        private final boolean[] hasCutoff;
        private final int angleBins;
        private final List<TreeMap<Integer, double[]>> states = new ArrayList<>(); // cn -> {atoms, bondLenSum, bonds}
        private final List<TreeMap<Integer, long[]>> qn = new ArrayList<>();
        private final long[][] angles;
        private final double[] angleSum;
        private double numberDensity, massDensity, molarVolumeAtom, molarVolume;
        private int frames;
        // per-atom columns
        private int rows;
        private int[] colFrame = new int[0];
        private long[] colStep = new long[0];
        private long[] colId = new long[0];
        private String[] colSpecies = new String[0];
        private int[] colCn = new int[0];
        private int[][] colCnBy;
        private double[] colLen = new double[0];
        private int[] colNBridging = new int[0];
        private int[] colBridging = new int[0];

        Builder(List<String> species, double[][] cut, CoordinationAnalysis.Settings settings, List<int[]> triplets) {
            this.species = species;
            this.cut = cut;
            this.settings = settings;
            this.triplets = triplets;
            int s = species.size();
            former = new boolean[s];
            for (String f : settings.formers()) {
                int i = species.indexOf(f);
                if (i >= 0) former[i] = true;
            }
            anion = species.indexOf(settings.anion());
            hasCutoff = new boolean[s];
            for (int a = 0; a < s; a++) {
                for (int b = 0; b < s; b++) if (cut[a][b] > 0) hasCutoff[a] = true;
                states.add(new TreeMap<>());
                qn.add(new TreeMap<>());
            }
            angleBins = (int) Math.rint(180.0 / settings.angleBinDeg());
            angles = new long[triplets.size()][angleBins];
            angleSum = new double[triplets.size()];
            colCnBy = new int[s][0];
        }

        void add(int frameIndex, Frame f, BondGraph g) {
            int n = f.atomCount();
            int s = species.size();
            int[] sp = f.species();
            int[] formersBonded = new int[n];
            boolean[] bridging = new boolean[n];
            if (anion >= 0) {
                for (int i = 0; i < n; i++) {
                    if (sp[i] != anion) continue;
                    for (int e = g.start[i]; e < g.start[i + 1]; e++) if (former[sp[g.neighbor[e]]]) formersBonded[i]++;
                    bridging[i] = formersBonded[i] >= 2;
                }
            }
            if (settings.perAtom()) grow(rows + n);
            for (int i = 0; i < n; i++) {
                int a = sp[i];
                int cn = g.degree(i);
                double lenSum = 0;
                int nBridging = 0;
                int[] by = new int[s];
                for (int e = g.start[i]; e < g.start[i + 1]; e++) {
                    int j = g.neighbor[e];
                    lenSum += g.bond[4 * e + 3];
                    by[sp[j]]++;
                    if (sp[j] == anion && bridging[j]) nBridging++;
                }
                if (hasCutoff[a]) {
                    double[] st = states.get(a).computeIfAbsent(cn, k -> new double[3]);
                    st[0]++;
                    st[1] += lenSum;
                    st[2] += cn;
                }
                if (former[a] && anion >= 0 && cut[a][anion] > 0) {
                    qn.get(a).computeIfAbsent(nBridging, k -> new long[1])[0]++;
                }
                for (int t = 0; t < triplets.size(); t++) {
                    int[] tr = triplets.get(t);
                    if (a != tr[1]) continue;
                    for (int e1 = g.start[i]; e1 < g.start[i + 1]; e1++) {
                        int s1 = sp[g.neighbor[e1]];
                        for (int e2 = e1 + 1; e2 < g.start[i + 1]; e2++) {
                            int s2 = sp[g.neighbor[e2]];
                            if (!((s1 == tr[0] && s2 == tr[2]) || (s1 == tr[2] && s2 == tr[0]))) continue;
                            double dot = g.bond[4 * e1] * g.bond[4 * e2] + g.bond[4 * e1 + 1] * g.bond[4 * e2 + 1]
                                    + g.bond[4 * e1 + 2] * g.bond[4 * e2 + 2];
                            double cos = Math.max(-1, Math.min(1, dot / (g.bond[4 * e1 + 3] * g.bond[4 * e2 + 3])));
                            double deg = Math.toDegrees(Math.acos(cos));
                            angleSum[t] += deg;
                            int bin = (int) (deg / settings.angleBinDeg());
                            angles[t][Math.min(angleBins - 1, bin)]++;
                        }
                    }
                }
                if (settings.perAtom()) {
                    int r = rows++;
                    colFrame[r] = frameIndex;
                    colStep[r] = f.timestep();
                    colId[r] = f.ids()[i];
                    colSpecies[r] = species.get(a);
                    colCn[r] = cn;
                    for (int b = 0; b < s; b++) colCnBy[b][r] = by[b];
                    colLen[r] = cn == 0 ? Double.NaN : lenSum / cn;
                    colNBridging[r] = former[a] ? nBridging : -1;
                    colBridging[r] = a == anion ? (bridging[i] ? 1 : 0) : -1;
                }
            }
            numberDensity += Densities.numberDensity(f);
            massDensity += Densities.massDensity(f);
            molarVolumeAtom += Densities.molarVolumePerAtom(f);
            if (settings.composition() != null) molarVolume += Densities.molarVolume(f, settings.composition());
            frames++;
        }

        private void grow(int need) {
            if (need <= colCn.length) return;
            int cap = Math.max(need, 2 * colCn.length);
            colFrame = Arrays.copyOf(colFrame, cap);
            colStep = Arrays.copyOf(colStep, cap);
            colId = Arrays.copyOf(colId, cap);
            colSpecies = Arrays.copyOf(colSpecies, cap);
            colCn = Arrays.copyOf(colCn, cap);
            for (int b = 0; b < colCnBy.length; b++) colCnBy[b] = Arrays.copyOf(colCnBy[b], cap);
            colLen = Arrays.copyOf(colLen, cap);
            colNBridging = Arrays.copyOf(colNBridging, cap);
            colBridging = Arrays.copyOf(colBridging, cap);
        }

        CoordinationResult build() {
            List<ResultTable> tables = new ArrayList<>();
            Map<String, Double> summary = new java.util.LinkedHashMap<>();
            List<String> units = new ArrayList<>();
            if (settings.perAtom()) {
                ResultTable.Builder t = ResultTable.builder("coordination_atoms")
                        .ints("frame", Arrays.copyOf(colFrame, rows)).longs("timestep", Arrays.copyOf(colStep, rows))
                        .longs("id", Arrays.copyOf(colId, rows)).strings("species", Arrays.copyOf(colSpecies, rows))
                        .ints("cn", Arrays.copyOf(colCn, rows));
                for (int b = 0; b < species.size(); b++) t.ints("cn_" + species.get(b), Arrays.copyOf(colCnBy[b], rows));
                t.doubles("bond_length_mean_A", Arrays.copyOf(colLen, rows))
                        .ints("n_bridging", Arrays.copyOf(colNBridging, rows))
                        .ints("bridging", Arrays.copyOf(colBridging, rows));
                tables.add(t.build());
            }
            summary.put("frames", (double) frames);
            units.add("");
            summary.put("number_density", numberDensity / frames);
            units.add("1/A^3");
            summary.put("mass_density", massDensity / frames);
            units.add("g/cm^3");
            summary.put("molar_volume_per_atom", molarVolumeAtom / frames);
            units.add("cm^3/mol atoms");
            if (settings.composition() != null) {
                summary.put("molar_volume", molarVolume / frames);
                units.add("cm^3/mol formula units");
            }
            // coordination states
            List<String> stSpecies = new ArrayList<>();
            List<Integer> stCn = new ArrayList<>();
            List<Double> stAtoms = new ArrayList<>(), stFrac = new ArrayList<>(), stLen = new ArrayList<>();
            for (int a = 0; a < species.size(); a++) {
                if (!hasCutoff[a]) continue;
                double total = 0, cnSum = 0;
                for (Map.Entry<Integer, double[]> e : states.get(a).entrySet()) {
                    total += e.getValue()[0];
                    cnSum += e.getKey() * e.getValue()[0];
                }
                summary.put("mean_cn_" + species.get(a), cnSum / total);
                units.add("");
                for (Map.Entry<Integer, double[]> e : states.get(a).entrySet()) {
                    double[] v = e.getValue();
                    String tag = "[" + e.getKey() + "]" + species.get(a);
                    stSpecies.add(species.get(a));
                    stCn.add(e.getKey());
                    stAtoms.add(v[0] / frames);
                    stFrac.add(v[0] / total);
                    stLen.add(v[2] == 0 ? Double.NaN : v[1] / v[2]);
                    summary.put("fraction_" + tag, v[0] / total);
                    units.add("");
                    if (v[2] > 0) {
                        summary.put("bond_length_" + tag, v[1] / v[2]);
                        units.add("A");
                    }
                }
            }
            tables.add(ResultTable.builder("coordination_states")
                    .strings("species", stSpecies.toArray(new String[0]))
                    .ints("cn", stCn.stream().mapToInt(Integer::intValue).toArray())
                    .doubles("atoms_per_frame", stAtoms.stream().mapToDouble(Double::doubleValue).toArray())
                    .doubles("fraction", stFrac.stream().mapToDouble(Double::doubleValue).toArray())
                    .doubles("bond_length_mean_A", stLen.stream().mapToDouble(Double::doubleValue).toArray())
                    .build());
            // Q^n
            List<String> qSpecies = new ArrayList<>();
            List<Integer> qN = new ArrayList<>();
            List<Double> qAtoms = new ArrayList<>(), qFrac = new ArrayList<>();
            for (int a = 0; a < species.size(); a++) {
                long total = 0;
                for (long[] v : qn.get(a).values()) total += v[0];
                for (Map.Entry<Integer, long[]> e : qn.get(a).entrySet()) {
                    qSpecies.add(species.get(a));
                    qN.add(e.getKey());
                    qAtoms.add((double) e.getValue()[0] / frames);
                    qFrac.add((double) e.getValue()[0] / total);
                    summary.put("fraction_Q" + e.getKey() + "_" + species.get(a), (double) e.getValue()[0] / total);
                    units.add("");
                }
            }
            tables.add(ResultTable.builder("qn")
                    .strings("species", qSpecies.toArray(new String[0]))
                    .ints("n", qN.stream().mapToInt(Integer::intValue).toArray())
                    .doubles("atoms_per_frame", qAtoms.stream().mapToDouble(Double::doubleValue).toArray())
                    .doubles("fraction", qFrac.stream().mapToDouble(Double::doubleValue).toArray())
                    .build());
            // angles
            double bw = settings.angleBinDeg();
            double[] centre = new double[angleBins];
            for (int k = 0; k < angleBins; k++) centre[k] = (k + 0.5) * bw;
            ResultTable.Builder at = ResultTable.builder("bond_angles").doubles("angle_deg", centre);
            for (int t = 0; t < triplets.size(); t++) {
                int[] tr = triplets.get(t);
                String name = species.get(tr[0]) + "-" + species.get(tr[1]) + "-" + species.get(tr[2]);
                long total = 0;
                for (int k = 0; k < angleBins; k++) total += angles[t][k];
                double[] p = new double[angleBins];
                for (int k = 0; k < angleBins; k++) p[k] = total == 0 ? 0 : angles[t][k] / (total * bw);
                at.doubles("p_" + name + "_deg-1", p);
                summary.put("mean_angle_" + name, total == 0 ? Double.NaN : angleSum[t] / total);
                units.add("deg");
            }
            tables.add(at.build());
            String[] q = summary.keySet().toArray(new String[0]);
            double[] v = new double[q.length];
            for (int i = 0; i < q.length; i++) v[i] = summary.get(q[i]);
            tables.add(ResultTable.builder("structure_summary").strings("quantity", q).doubles("value", v)
                    .strings("unit", units.toArray(new String[0])).build());
            return new CoordinationResult(tables, summary);
        }
    }
}
