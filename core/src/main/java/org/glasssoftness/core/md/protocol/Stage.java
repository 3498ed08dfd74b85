package org.glasssoftness.core.md.protocol;

/**
 * One stage of a protocol: an ensemble run for a number of steps. Target temperature (NVT, NPT) and pressure (NPT)
 * ramp linearly from start to stop over the stage (a cooling stage at a set rate is such a ramp).
 *
 * @param name     label shown in progress and thermo output
 * @param ensemble NVE, NVT or NPT
 * @param steps    number of time steps
 * @param tStartK  start target temperature, K
 * @param tStopK   end target temperature, K
 * @param tDampPs  thermostat damping time, ps (LAMMPS Tdamp; about 100 time steps)
 * @param pStartBar start target pressure (NPT), bar
 * @param pStopBar  end target pressure (NPT), bar
 * @param pDampPs   barostat damping time (NPT), ps (LAMMPS Pdamp; about 1000 time steps)
 * @param axes      NPT coupling: "iso" (x, y, z together) or the independently barostatted axes, e.g. "xyz", "yz"
 * @param strainRatePerPs TENSION: engineering strain rate along x in 1/ps (5e10 1/s = 0.05 1/ps); y and z are
 *                  barostatted at pStartBar..pStopBar
 */
public record Stage(String name, Ensemble ensemble, long steps, double tStartK, double tStopK, double tDampPs,
                    double pStartBar, double pStopBar, double pDampPs, String axes, double strainRatePerPs) {
    public enum Ensemble { NVE, NVT, NPT, TENSION }

    public Stage {
        if (steps < 0) throw new IllegalArgumentException("stage '" + name + "': steps must be >= 0, got " + steps);
        if (ensemble != Ensemble.NVE && (!(tStartK > 0) || !(tStopK > 0) || !(tDampPs > 0))) {
            throw new IllegalArgumentException("stage '" + name + "': " + ensemble + " needs temperatures > 0 K and Tdamp > 0 ps");
        }
        if (ensemble == Ensemble.NPT || ensemble == Ensemble.TENSION) {
            if (!(pDampPs > 0)) throw new IllegalArgumentException("stage '" + name + "': NPT needs Pdamp > 0 ps");
            if (!axes.equals("iso") && (axes.isEmpty() || !axes.matches("x?y?z?"))) {
                throw new IllegalArgumentException("stage '" + name + "': NPT axes must be iso or a subset of xyz, got '" + axes + "'");
            }
        }
    }

    public static Stage nve(String name, long steps) {
        return new Stage(name, Ensemble.NVE, steps, 0, 0, 0, 0, 0, 0, "", 0);
    }

    public static Stage nvt(String name, long steps, double tStart, double tStop, double tDamp) {
        return new Stage(name, Ensemble.NVT, steps, tStart, tStop, tDamp, 0, 0, 0, "", 0);
    }

    public static Stage npt(String name, long steps, double tStart, double tStop, double tDamp, double pStart,
                            double pStop, double pDamp, String axes) {
        return new Stage(name, Ensemble.NPT, steps, tStart, tStop, tDamp, pStart, pStop, pDamp, axes, 0);
    }

    /** Uniaxial tension along x at temperature t and lateral (y, z) pressure pLateral (bar). */
    public static Stage tension(String name, long steps, double t, double tDamp, double pLateral, double pDamp,
                                double strainRatePerPs) {
        return new Stage(name, Ensemble.TENSION, steps, t, t, tDamp, pLateral, pLateral, pDamp, "yz", strainRatePerPs);
    }

    /** Barostatted axes x, y, z (all for iso). */
    public boolean[] barostatAxes() {
        if (axes.equals("iso")) return new boolean[] {true, true, true};
        return new boolean[] {axes.contains("x"), axes.contains("y"), axes.contains("z")};
    }
}
