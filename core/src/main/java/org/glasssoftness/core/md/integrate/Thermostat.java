package org.glasssoftness.core.md.integrate;

import org.glasssoftness.core.md.MdState;

/** A thermostat acting on velocities around the velocity-Verlet updates (LAMMPS fix nvt style). */
public interface Thermostat {
    /** Called once before the first step, with the time step (ps). */
    void init(MdState s, double dt);

    /** Before the first half kick of a step; {@code fraction} is the run progress (for temperature ramps). */
    void beforeFirstKick(MdState s, double fraction);

    /** After the second half kick of a step. */
    void afterSecondKick(MdState s, double fraction);

    /** Energy of the thermostat variables (eV), for the conserved quantity. */
    double energy();

    /** Current target temperature (K). */
    double target();
}
