package org.glasssoftness.core.structure;

import org.glasssoftness.core.table.ResultTable;

/** Faber–Ziman partial structure factors on a Q grid and their weighted total (see {@link FaberZiman}). */
public final class StructureFactors {
    private final SpeciesPairs pairs;
    private final double[] q;
    private final double[][] partials;
    private final double[] total;
    private final boolean lorch;

    StructureFactors(SpeciesPairs pairs, double[] q, double[][] partials, double[] total, boolean lorch) {
        this.pairs = pairs;
        this.q = q;
        this.partials = partials;
        this.total = total;
        this.lorch = lorch;
    }

    public double[] q() { return q.clone(); }
    public boolean lorch() { return lorch; }
    /** S_ab(Q) with species in either order. */
    public double[] partial(String a, String b) {
        int p = pairs.find(a, b);
        if (p < 0) throw new IllegalArgumentException("no pair " + a + "-" + b + " (species: " + pairs.species() + ")");
        return partials[p].clone();
    }
    /** Weighted total S(Q) (neutron weights unless overridden). */
    public double[] total() { return total.clone(); }

    /** The sq table: Q_A-1, S_A-B for every pair, S_neutron. */
    public ResultTable table() {
        ResultTable.Builder t = ResultTable.builder("sq").doubles("Q_A-1", q.clone());
        for (int p = 0; p < pairs.pairCount(); p++) t.doubles("S_" + pairs.name(p), partials[p].clone());
        t.doubles("S_neutron", total.clone());
        return t.build();
    }
}
