package org.glasssoftness.core.md.protocol;

/**
 * Engine settings of an MD run (the study's defaults): real-space cutoff 10 Å, neighbour skin 2 Å, PPPM with relative
 * accuracy 1e-5 (or Ewald), 1 fs time step, thermo output every 100 steps, frames recorded every {@code dumpEvery}
 * steps (0 = none), worker threads, force backend ({@value #BACKEND_AUTO}: the best OpenCL device, a GPU or accelerator first, then a CPU
 * device such as PoCL (1.6-2.3x the Java backend in double precision on 2 cores, 2026-12-08, docs/benchmarks/md-opencl.md; listed
 * only under JVM signal chaining, which a KNIME AP does not preload), else Java without a warning;
 * {@value #BACKEND_JAVA}; {@value #BACKEND_OPENCL}: OpenCL, falling back to Java with a message when there is none) and
 * the OpenCL precision ({@value #PRECISION_DOUBLE} or {@value #PRECISION_MIXED}: float pair math, double accumulation).
 */
public record MdSettings(double cutoffA, double skinA, String kspace, double accuracy, double dtPs, int thermoEvery,
                         int dumpEvery, int threads, String backend, String precision) {
    public static final String BACKEND_AUTO = "auto", BACKEND_JAVA = "java", BACKEND_OPENCL = "opencl";
    public static final String PRECISION_DOUBLE = "double", PRECISION_MIXED = "mixed";

    /** Java backend, double precision. */
    public MdSettings(double cutoffA, double skinA, String kspace, double accuracy, double dtPs, int thermoEvery,
                      int dumpEvery, int threads) {
        this(cutoffA, skinA, kspace, accuracy, dtPs, thermoEvery, dumpEvery, threads, BACKEND_JAVA, PRECISION_DOUBLE);
    }

    public MdSettings {
        if (!backend.equals(BACKEND_AUTO) && !backend.equals(BACKEND_JAVA) && !backend.equals(BACKEND_OPENCL)) {
            throw new IllegalArgumentException("backend must be 'auto', 'java' or 'opencl', got '" + backend + "'");
        }
        if (!precision.equals(PRECISION_DOUBLE) && !precision.equals(PRECISION_MIXED)) {
            throw new IllegalArgumentException("precision must be 'double' or 'mixed', got '" + precision + "'");
        }
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

    /** The study's defaults on the Java backend. */
    public static MdSettings defaults() {
        return new MdSettings(10.0, 2.0, "pppm", 1e-5, 0.001, 100, 0, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public MdSettings withDumpEvery(int every) {
        return new MdSettings(cutoffA, skinA, kspace, accuracy, dtPs, thermoEvery, every, threads, backend, precision);
    }

    public MdSettings withThermoEvery(int every) {
        return new MdSettings(cutoffA, skinA, kspace, accuracy, dtPs, every, dumpEvery, threads, backend, precision);
    }

    public MdSettings withThreads(int t) {
        return new MdSettings(cutoffA, skinA, kspace, accuracy, dtPs, thermoEvery, dumpEvery, t, backend, precision);
    }

    /** The same settings with another backend and precision. */
    public MdSettings withBackend(String b, String p) {
        return new MdSettings(cutoffA, skinA, kspace, accuracy, dtPs, thermoEvery, dumpEvery, threads, b, p);
    }
}
