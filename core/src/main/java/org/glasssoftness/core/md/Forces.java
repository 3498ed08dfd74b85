package org.glasssoftness.core.md;

import org.glasssoftness.core.md.kspace.KSpace;

/**
 * What the integrators need from a force backend: total forces into {@code s.f} with energies and virial. Two
 * backends: {@link ForceEvaluator} (Java, threads) and {@code opencl.ClForces} (neighbour list and pair forces as
 * OpenCL kernels).
 */
public interface Forces extends AutoCloseable {
    /** Replaces s.f by the total force and returns energies and virial. */
    ForceEvaluator.Energies compute(MdState s);

    /** Forces a neighbour-list rebuild at the next {@link #compute} (stage starts, so restarts are exact). */
    void invalidate();

    /** The long-range part computed on the host (null: none, or computed on the device). */
    KSpace kspace();

    /** The long-range part and its parameters, e.g. "pppm g=0.28 mesh=20,20,20 order=5". */
    default String describeKspace() {
        return kspace() == null ? "none" : kspace().describe();
    }

    /** Backend and device, e.g. "java (2 threads)" or "opencl double on OpenCL CPU '...' (...)". */
    String describe();

    @Override
    void close();
}
