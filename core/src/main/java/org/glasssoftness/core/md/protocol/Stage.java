package org.glasssoftness.core.md.protocol;

/**
 * One stage of a protocol: an ensemble run for a number of steps. For NVT the target temperature ramps linearly from
 * {@code tStartK} to {@code tStopK} (a cooling stage at a set rate is an NVT ramp; NPT is not implemented yet).
 *
 * @param name     label shown in progress and thermo output
 * @param ensemble NVE or NVT
 * @param steps    number of time steps
 * @param tStartK  start target temperature (NVT), K
 * @param tStopK   end target temperature (NVT), K
 * @param tDampPs  thermostat damping time, ps (LAMMPS fix nvt Tdamp; about 100 time steps)
 */
public record Stage(String name, Ensemble ensemble, long steps, double tStartK, double tStopK, double tDampPs) {
    public enum Ensemble { NVE, NVT }

    public Stage {
        if (steps < 0) throw new IllegalArgumentException("stage '" + name + "': steps must be >= 0, got " + steps);
        if (ensemble == Ensemble.NVT && (!(tStartK > 0) || !(tStopK > 0) || !(tDampPs > 0))) {
            throw new IllegalArgumentException("stage '" + name + "': NVT needs temperatures > 0 K and Tdamp > 0 ps");
        }
    }

    public static Stage nve(String name, long steps) {
        return new Stage(name, Ensemble.NVE, steps, 0, 0, 0);
    }

    public static Stage nvt(String name, long steps, double tStart, double tStop, double tDamp) {
        return new Stage(name, Ensemble.NVT, steps, tStart, tStop, tDamp);
    }
}
