package org.glasssoftness.core.md.protocol;

/**
 * Engine settings of an MD run (the study's defaults): real-space cutoff 10 Å, neighbour skin 2 Å, PPPM with relative
 * accuracy 1e-5 (or Ewald), 1 fs time step, thermo output every 100 steps, frames recorded every {@code dumpEvery}
 * steps (0 = none), worker threads.
 */
public record MdSettings(double cutoffA, double skinA, String kspace, double accuracy, double dtPs, int thermoEvery,
                         int dumpEvery, int threads) {
    public MdSettings {
        if (!(cutoffA > 0)) throw new IllegalArgumentException("cutoff must be > 0 Å");
        if (!(skinA >= 0)) throw new IllegalArgumentException("skin must be >= 0 Å");
        if (!kspace.equals("pppm") && !kspace.equals("ewald")) {
            throw new IllegalArgumentException("kspace must be 'pppm' or 'ewald', got '" + kspace + "'");
        }
        if (!(accuracy > 0 && accuracy < 1)) throw new IllegalArgumentException("kspace accuracy must be in (0, 1)");
        if (!(dtPs > 0)) throw new IllegalArgumentException("time step must be > 0 ps");
        if (thermoEvery <= 0) throw new IllegalArgumentException("thermo interval must be >= 1 step");
        if (dumpEvery < 0) throw new IllegalArgumentException("dump interval must be >= 0");
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
    }

    public static MdSettings defaults() {
        return new MdSettings(10.0, 2.0, "pppm", 1e-5, 0.001, 100, 0, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public MdSettings withDumpEvery(int every) {
        return new MdSettings(cutoffA, skinA, kspace, accuracy, dtPs, thermoEvery, every, threads);
    }

    public MdSettings withThermoEvery(int every) {
        return new MdSettings(cutoffA, skinA, kspace, accuracy, dtPs, every, dumpEvery, threads);
    }

    public MdSettings withThreads(int t) {
        return new MdSettings(cutoffA, skinA, kspace, accuracy, dtPs, thermoEvery, dumpEvery, t);
    }
}
