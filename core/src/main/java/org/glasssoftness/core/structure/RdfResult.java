package org.glasssoftness.core.structure;

import java.util.List;
import org.glasssoftness.core.table.ResultTable;

/**
 * Frame-averaged partial pair distribution functions (see {@link PairDistribution} for the definition) and what
 * follows from them: total g(r), neutron-weighted G(r) and D(r), running coordination numbers and Faber–Ziman S(Q).
 * Arrays returned are copies.
 */
public final class RdfResult {
    private final SpeciesPairs pairs;
    private final double rMax;
    private final int bins;
    private final int frames;
    private final double meanVolume;
    private final double numberDensity;
    private final double[] meanCounts;
    private final double[][] g;
    private final double[][] cnRunning;
    private final long[][] counts;

    RdfResult(SpeciesPairs pairs, double rMax, int bins, int frames, double meanVolume, double numberDensity,
              double[] meanCounts, double[][] g, double[][] cnRunning, long[][] counts) {
        this.pairs = pairs;
        this.rMax = rMax;
        this.bins = bins;
        this.frames = frames;
        this.meanVolume = meanVolume;
        this.numberDensity = numberDensity;
        this.meanCounts = meanCounts;
        this.g = g;
        this.cnRunning = cnRunning;
        this.counts = counts;
    }

    public SpeciesPairs pairs() { return pairs; }
    public List<String> species() { return pairs.species(); }
    public double rMax() { return rMax; }
    public double dr() { return bins == 0 ? Double.NaN : rMax / bins; }
    public int bins() { return bins; }
    public int frameCount() { return frames; }
    /** Mean box volume over the frames (Å^3). */
    public double meanVolume() { return meanVolume; }
    /** Mean total number density N/V over the frames (atoms/Å^3), rho0 of the Faber–Ziman transform. */
    public double numberDensity() { return numberDensity; }

    /** Atom fractions c_a from the frame-mean species counts. */
    public double[] concentrations() {
        double n = 0;
        for (double c : meanCounts) n += c;
        double[] c = new double[meanCounts.length];
        for (int a = 0; a < c.length; a++) c[a] = meanCounts[a] / n;
        return c;
    }

    /** Bin centres (k + 1/2) dr in Å. */
    public double[] r() {
        double dr = dr();
        double[] r = new double[bins];
        for (int k = 0; k < bins; k++) r[k] = (k + 0.5) * dr;
        return r;
    }

    /** g_ab at the bin centres; species in either order. */
    public double[] partial(String a, String b) {
        return g[pairIndex(a, b)].clone();
    }

    /** g of the unordered pair with this index. */
    public double[] partial(int pair) { return g[pair].clone(); }

    /** Ordered-pair counts of the pair summed over frames (for checks against other codes). */
    public long[] counts(String a, String b) { return counts[pairIndex(a, b)].clone(); }

    /**
     * Running coordination number of species {@code around} about a {@code centre} atom: the mean number of
     * {@code around} atoms closer than the upper edge (k+1) dr of bin k.
     */
    public double[] runningCoordination(String centre, String around) {
        int a = speciesIndex(centre), b = speciesIndex(around);
        return cnRunning[a * pairs.speciesCount() + b].clone();
    }

    /** Total g(r) = sum over ordered pairs c_a c_b g_ab(r). */
    public double[] total() {
        double[] c = concentrations();
        double[] ones = new double[c.length];
        java.util.Arrays.fill(ones, 1.0);
        return weightedSum(FaberZiman.pairWeights(pairs, c, ones), false);
    }

    /** Neutron-weighted G(r) = sum over ordered pairs c_a b_a c_b b_b (g_ab - 1), in fm^2. */
    public double[] neutronG(ScatteringLengths lengths) {
        return weightedSum(FaberZiman.pairWeights(pairs, concentrations(), lengthsFor(lengths)), true);
    }

    /** G(r) divided by (sum_a c_a b_a)^2 (dimensionless, tends to -1 at r = 0). */
    public double[] neutronGNormalised(ScatteringLengths lengths) {
        double[] w = FaberZiman.pairWeights(pairs, concentrations(), lengthsFor(lengths));
        double norm = 0;
        for (double x : w) norm += x;
        if (Math.abs(norm) < 1e-300) {
            throw new IllegalArgumentException("the weighted sum c_i b_i of all species is zero: G(r) cannot be normalised");
        }
        double[] gg = weightedSum(w, true);
        for (int k = 0; k < gg.length; k++) gg[k] /= norm;
        return gg;
    }

    /** D(r) = 4 pi r rho0 G(r) for the given G (same units as G times 1/Å^2). */
    public double[] differential(double[] bigG) {
        double[] r = r();
        double[] d = new double[bins];
        for (int k = 0; k < bins; k++) d[k] = 4 * Math.PI * r[k] * numberDensity * bigG[k];
        return d;
    }

    private double[] weightedSum(double[] w, boolean minusOne) {
        double[] out = new double[bins];
        for (int p = 0; p < w.length; p++) {
            for (int k = 0; k < bins; k++) out[k] += w[p] * (minusOne ? g[p][k] - 1.0 : g[p][k]);
        }
        return out;
    }

    private double[] lengthsFor(ScatteringLengths lengths) {
        for (String s : lengths.overrides().keySet()) {
            if (!species().contains(s)) {
                throw new IllegalArgumentException("scattering length given for species " + s
                        + ", which the trajectory does not contain (species: " + species() + ")");
            }
        }
        return lengths.lengthsFm(species());
    }

    /** Faber–Ziman partial S_ab(Q) (unordered pair order) and the weighted total. */
    public StructureFactors structureFactors(QGrid grid, boolean lorch, ScatteringLengths lengths) {
        if (bins == 0) { // an empty result (output spec): columns only
            lengthsFor(lengths); // checks the scattering lengths against the species
            return new StructureFactors(pairs, new double[0], new double[pairs.pairCount()][0], new double[0], lorch);
        }
        FaberZiman fz = new FaberZiman(r(), dr(), grid.values(), lorch);
        double[][] s = new double[pairs.pairCount()][];
        for (int p = 0; p < s.length; p++) s[p] = fz.transform(g[p], numberDensity);
        double[] total = FaberZiman.weightedTotal(pairs, s, concentrations(), lengthsFor(lengths));
        return new StructureFactors(pairs, fz.q(), s, total, lorch);
    }

    /**
     * The rdf table: r_A, g_A-B for every pair, g_total, G_neutron_fm2 (sum c b c b (g - 1)), D_neutron_fm2_A-2
     * (4 pi r rho0 G), G_neutron (normalised by (sum c b)^2) and D_neutron_A-2 (4 pi r rho0 G_neutron).
     */
    public ResultTable rdfTable(ScatteringLengths lengths) {
        ResultTable.Builder t = ResultTable.builder("rdf").doubles("r_A", r());
        for (int p = 0; p < pairs.pairCount(); p++) t.doubles("g_" + pairs.name(p), g[p].clone());
        t.doubles("g_total", total());
        double[] bigG = neutronG(lengths);
        t.doubles("G_neutron_fm2", bigG);
        t.doubles("D_neutron_fm2_A-2", differential(bigG));
        double[] gn = neutronGNormalised(lengths);
        t.doubles("G_neutron", gn);
        t.doubles("D_neutron_A-2", differential(gn));
        return t.build();
    }

    /** Running coordination numbers: r_A (upper bin edge), n_A-B (B atoms around an A atom) for every ordered pair. */
    public ResultTable runningCoordinationTable() {
        double[] edge = new double[bins];
        for (int k = 0; k < bins; k++) edge[k] = (k + 1) * dr();
        ResultTable.Builder t = ResultTable.builder("rdf_running_cn").doubles("r_A", edge);
        int s = pairs.speciesCount();
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) {
                t.doubles("n_" + species().get(a) + "-" + species().get(b), cnRunning[a * s + b].clone());
            }
        }
        return t.build();
    }

    /**
     * The rdf_first_minima table: pair, r_first_min_A = {@link CutoffSuggestion#firstMinimum} of each partial (about
     * 0.1 Å smoothing; NaN when g has no peak above 1 or no minimum after it within r_max) — suggested bond cutoffs.
     */
    public ResultTable firstMinimaTable() {
        String[] names = new String[pairs.pairCount()];
        double[] rMin = new double[pairs.pairCount()];
        double[] r = r();
        for (int p = 0; p < names.length; p++) {
            names[p] = pairs.name(p);
            try {
                rMin[p] = CutoffSuggestion.firstMinimum(r, g[p], CutoffSuggestion.window(dr()));
            } catch (IllegalArgumentException e) {
                rMin[p] = Double.NaN;
            }
        }
        return ResultTable.builder("rdf_first_minima").strings("pair", names).doubles("r_first_min_A", rMin).build();
    }

    private int speciesIndex(String name) {
        int i = species().indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("species " + name + " is not in the trajectory (species: " + species() + ")");
        }
        return i;
    }

    private int pairIndex(String a, String b) {
        return pairs.index(speciesIndex(a), speciesIndex(b));
    }
}
