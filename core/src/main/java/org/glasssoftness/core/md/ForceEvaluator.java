package org.glasssoftness.core.md;

import java.util.Arrays;

import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.kspace.KSpace;
import org.glasssoftness.core.md.neighbor.VerletList;
import org.glasssoftness.core.md.pair.BuckCoulLong;

/**
 * Total forces, energy and virial of the rigid-ion model: real-space pair part ({@link BuckCoulLong}) over a Verlet
 * list plus an optional k-space part. Without k-space the Coulomb term is the bare 1/r truncated at the cutoff
 * (useful only for tests).
 */
public final class ForceEvaluator implements Forces {
    private final BuckCoulLong pair;
    private final VerletList list;
    private final KSpace kspace;
    private final int threads;

    /** Energies (eV) and virial (eV; xx yy zz xy xz yz) of one evaluation. */
    public record Energies(double eVdwl, double eCoul, double eLong, double[] virial) {
        /** Potential energy (eV). */
        public double pe() { return eVdwl + eCoul + eLong; }
    }

    public ForceEvaluator(PairCoefficients[][] coeffs, double cutoff, double skin, KSpace kspace, int threads) {
        this(coeffs, cutoff, skin, kspace, threads, false);
    }

    /** @param tabulatedCoulomb the real-space Coulomb part from a table (see {@link BuckCoulLong}) */
    public ForceEvaluator(PairCoefficients[][] coeffs, double cutoff, double skin, KSpace kspace, int threads,
                          boolean tabulatedCoulomb) {
        this.pair = new BuckCoulLong(coeffs, cutoff, threads, tabulatedCoulomb);
        this.list = new VerletList(cutoff, skin);
        this.kspace = kspace;
        this.threads = threads;
    }

    public VerletList list() { return list; }

    @Override
    public KSpace kspace() { return kspace; }

    @Override
    public void invalidate() { list.invalidate(); }

    @Override
    public String describe() { return "java (" + threads + (threads == 1 ? " thread)" : " threads)"); }

    /** Replaces s.f by the total force and returns energies and virial. */
    @Override
    public Energies compute(MdState s) {
        Arrays.fill(s.f, 0.0);
        list.ensure(s);
        double[] virial = new double[6];
        double eLong = 0;
        if (kspace != null) eLong = kspace.compute(s, virial);
        BuckCoulLong.Result r = pair.compute(s, list, kspace == null ? 0 : kspace.gEwald());
        for (int k = 0; k < 6; k++) virial[k] += r.virial[k];
        return new Energies(r.eVdwl, r.eCoul, eLong, virial);
    }

    @Override
    public void close() {
        pair.close();
        if (kspace != null) kspace.close();
    }
}
