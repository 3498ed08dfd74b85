package org.glasssoftness.knime.nodes.runmd;

import java.util.ArrayList;
import java.util.List;

import org.glasssoftness.core.md.protocol.Stage;

/** Parses the stage list setting (same grammar as the CLI's md --stages). */
final class StageList {
    private StageList() { }

    /**
     * "name:nve:steps" or "name:nvt:steps:Tstart[:Tstop[:Tdamp_ps]]", comma separated; the preset "melt-quench" is
     * 3000 K 50 ps, cooling to 300 K at 1 K/ps, 300 K 100 ps (NVT at fixed volume until NPT is implemented).
     */
    static List<Stage> parse(final String text, final double dtPs) {
        if (text.trim().equals("melt-quench")) {
            return List.of(Stage.nvt("melt", Math.round(50 / dtPs), 3000, 3000, 0.1),
                Stage.nvt("quench", Math.round(2700 / dtPs), 3000, 300, 0.1),
                Stage.nvt("production", Math.round(100 / dtPs), 300, 300, 0.1));
        }
        List<Stage> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] f = part.trim().split(":");
            if (f.length < 3) {
                throw new IllegalArgumentException("stage '" + part + "' is not name:ensemble:steps[:...]");
            }
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
                default:
                    throw new IllegalArgumentException("stage '" + part + "': ensemble must be nve or nvt (NPT is not implemented yet)");
            }
        }
        return out;
    }
}
