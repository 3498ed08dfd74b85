package org.glasssoftness.core.md.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The stage-list text used by the CLI and the node: comma-separated
 * {@code name:nve:steps}, {@code name:nvt:steps:Tstart[:Tstop[:Tdamp_ps]]} or
 * {@code name:npt:steps:Tstart:Tstop:Pstart_bar:Pstop_bar[:axes[:Tdamp_ps[:Pdamp_ps]]]} (axes iso (default) or e.g.
 * yz), {@code name:tension:steps:T[:Plateral_bar[:erate_per_ps[:Tdamp_ps[:Pdamp_ps]]]]} (default 0 bar, 0.05/ps =
 * 5e10/s), or the presets {@code melt-quench} and {@code tensile}. Default damping: Tdamp = 100 dt, Pdamp = 1000 dt.
 */
public final class StageParser {
    private StageParser() { }

    /**
     * The study's melt-quench (Methods 4.1): 3000 K NVT 50 ps, cooling to 300 K in NPT at 0 bar at 1 K/ps (2700 ps),
     * then 50 ps NVT and 50 ps NPT at 300 K (durations not given in the paper), then 100 ps NVT production.
     */
    public static List<Stage> meltQuench(double dtPs) {
        double td = 100 * dtPs, pd = 1000 * dtPs;
        return List.of(Stage.nvt("melt", Math.round(50 / dtPs), 3000, 3000, td),
                Stage.npt("quench", Math.round(2700 / dtPs), 3000, 300, td, 0, 0, pd, "iso"),
                Stage.nvt("anneal-nvt", Math.round(50 / dtPs), 300, 300, td),
                Stage.npt("anneal-npt", Math.round(50 / dtPs), 300, 300, td, 0, 0, pd, "iso"),
                Stage.nvt("production", Math.round(100 / dtPs), 300, 300, td));
    }

    /**
     * The study's tensile test after replication (Methods 4.3): NPT 300 K 0 bar 100 ps, then tension along x at
     * 5e10 1/s (0.05/ps) to strain 1.0 with y and z at 0 bar.
     */
    public static List<Stage> tensile(double dtPs) {
        double td = 100 * dtPs, pd = 1000 * dtPs;
        return List.of(Stage.npt("equilibrate", Math.round(100 / dtPs), 300, 300, td, 0, 0, pd, "iso"),
                Stage.tension("tension", Math.round(1.0 / 0.05 / dtPs), 300, td, 0, pd, 0.05));
    }

    public static List<Stage> parse(String text, double dtPs) {
        if (text.trim().equals("melt-quench")) return meltQuench(dtPs);
        if (text.trim().equals("tensile")) return tensile(dtPs);
        List<Stage> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] f = part.trim().split(":");
            if (f.length < 3) throw new IllegalArgumentException("stage '" + part + "' is not name:ensemble:steps[:...]");
            long steps = Long.parseLong(f[2].trim());
            switch (f[1].trim().toLowerCase()) {
                case "nve":
                    out.add(Stage.nve(f[0], steps));
                    break;
                case "nvt": {
                    if (f.length < 4) throw new IllegalArgumentException("NVT stage '" + part + "' needs a temperature");
                    double t1 = Double.parseDouble(f[3]);
                    double t2 = f.length > 4 ? Double.parseDouble(f[4]) : t1;
                    double damp = f.length > 5 ? Double.parseDouble(f[5]) : 100 * dtPs;
                    out.add(Stage.nvt(f[0], steps, t1, t2, damp));
                    break;
                }
                case "npt": {
                    if (f.length < 7) {
                        throw new IllegalArgumentException("NPT stage '" + part + "' needs name:npt:steps:Tstart:Tstop:Pstart:Pstop");
                    }
                    String axes = f.length > 7 ? f[7].trim() : "iso";
                    double td = f.length > 8 ? Double.parseDouble(f[8]) : 100 * dtPs;
                    double pd = f.length > 9 ? Double.parseDouble(f[9]) : 1000 * dtPs;
                    out.add(Stage.npt(f[0], steps, Double.parseDouble(f[3]), Double.parseDouble(f[4]), td,
                            Double.parseDouble(f[5]), Double.parseDouble(f[6]), pd, axes));
                    break;
                }
                case "tension": {
                    // name:tension:steps:T[:Plateral_bar[:erate_per_ps[:Tdamp_ps[:Pdamp_ps]]]]
                    if (f.length < 4) throw new IllegalArgumentException("tension stage '" + part + "' needs a temperature");
                    double t = Double.parseDouble(f[3]);
                    double pl = f.length > 4 ? Double.parseDouble(f[4]) : 0;
                    double rate = f.length > 5 ? Double.parseDouble(f[5]) : 0.05;
                    double td = f.length > 6 ? Double.parseDouble(f[6]) : 100 * dtPs;
                    double pd = f.length > 7 ? Double.parseDouble(f[7]) : 1000 * dtPs;
                    out.add(Stage.tension(f[0], steps, t, td, pl, pd, rate));
                    break;
                }
                default:
                    throw new IllegalArgumentException("stage '" + part + "': ensemble must be nve, nvt, npt or tension");
            }
        }
        return out;
    }
}
