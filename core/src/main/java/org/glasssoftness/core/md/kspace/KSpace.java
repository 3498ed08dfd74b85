package org.glasssoftness.core.md.kspace;

import org.glasssoftness.core.md.MdState;

/** Long-range (reciprocal-space) part of the Ewald-split Coulomb interaction. */
public interface KSpace extends AutoCloseable {
    /** Frees worker threads, if any. */
    @Override
    default void close() { }

    /** Splitting parameter g (1/Å) the real-space part must use. */
    double gEwald();

    /**
     * Adds the reciprocal-space forces (eV/Å) to {@code s.f}, adds the virial (eV, xx yy zz xy xz yz) to
     * {@code virial} and returns the energy (eV), including the self-energy and neutralising-background terms.
     */
    double compute(MdState s, double[] virial);

    /** Parameters chosen, for logs and tests (e.g. "g=0.2837 kmax=7,7,7"). */
    String describe();
}
