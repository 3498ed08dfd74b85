package org.glasssoftness.core.md.opencl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.build.GlassBuilder;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.md.kspace.Pppm;
import org.jocl.CL;
import org.jocl.cl_mem;

/**
 * Benchmark (not a test): time per compute() of the device PPPM (double and mixed, with and without energy/virial)
 * and of the Java Pppm (with {@code threads} threads) on random-packed LiBP glass (40Li2O-30B2O3-30P2O5, 2.4 g/cm^3),
 * PPPM 1e-5, 10 Å cutoff; prints a per-kernel split and writes the configuration as a LAMMPS data file (charge style)
 * for bench/md/pppm.sh's LAMMPS run.
 * Usage: ClPppmBench atoms threads reps [data.lmp]
 */
public final class ClPppmBench {
    public static void main(String[] a) throws Exception {
        int atoms = Integer.parseInt(a[0]), threads = Integer.parseInt(a[1]), reps = Integer.parseInt(a[2]);
        ForceField ff = ForceField.dengDuLiBP();
        Map<String, Double> comp = new LinkedHashMap<>();
        comp.put("Li2O", 40.0); comp.put("B2O3", 30.0); comp.put("P2O5", 30.0);
        MdState s = MdState.fromFrame(GlassBuilder.randomPacking(GlassBuilder.atomCounts(comp, atoms, ff), 2.4, 1.7, 1), ff);
        s.wrap();
        if (a.length > 3) writeData(Path.of(a[3]), s);
        try (Pppm jp = new Pppm(1e-5, 10.0, 5, threads)) {
            jp.setup(s);
            double[] v = new double[6];
            for (int k = 0; k < 3; k++) jp.compute(s, v);
            double best = Double.MAX_VALUE;
            long c0 = cpuNanos();
            for (int k = 0; k < reps; k++) {
                long t0 = System.nanoTime();
                jp.compute(s, v);
                best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            }
            double cpu = (cpuNanos() - c0) / 1e6 / reps;
            System.out.printf(Locale.ROOT, "java atoms=%d threads=%d %s best ms/call=%.3f cpu ms/call=%.3f%n", s.n,
                    threads, jp.describe(), best, cpu);
        }
        try (ClPppmTestDevice dev = ClPppmTestDevice.open()) {
            cl_mem x = dev.upload(s.x), f = dev.upload(new double[3 * s.n]);
            for (boolean mixed : new boolean[] {false, true}) {
                try (ClPppm cp = new ClPppm(dev.context, dev.queue, dev.device, mixed, 1e-5, 10.0, 5)) {
                    cp.setup(s);
                    for (boolean virial : new boolean[] {true, false}) {
                        for (int k = 0; k < 3; k++) cp.compute(x, f, s.box, virial ? new double[6] : null);
                        CL.clFinish(dev.queue);
                        double best = Double.MAX_VALUE;
                        long c0 = cpuNanos();
                        for (int k = 0; k < reps; k++) {
                            long t0 = System.nanoTime();
                            cp.compute(x, f, s.box, virial ? new double[6] : null);
                            CL.clFinish(dev.queue);
                            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
                        }
                        double cpu = (cpuNanos() - c0) / 1e6 / reps;
                        System.out.printf(Locale.ROOT, "opencl atoms=%d %s virial=%s best ms/call=%.3f cpu ms/call=%.3f "
                                + "device=%s%n", s.n, cp.describe(), virial, best, cpu, dev.name());
                    }
                    for (boolean cpu : new boolean[] {false, true}) {
                        cp.profileNanos = new TreeMap<>();
                        cp.profileClock = cpu ? ClPppmBench::cpuNanos : System::nanoTime;
                        for (int k = 0; k < reps; k++) cp.compute(x, f, s.box, new double[6]);
                        StringBuilder sb = new StringBuilder(cpu ? "  split, process CPU ms/call:"
                                : "  split, wall ms/call (each kernel waited for):");
                        double total = 0;
                        for (Map.Entry<String, Long> e : cp.profileNanos.entrySet()) {
                            sb.append(String.format(Locale.ROOT, " %s %.2f", e.getKey().replace("pppm_", ""),
                                    e.getValue() / 1e6 / reps));
                            total += e.getValue() / 1e6 / reps;
                        }
                        System.out.println(sb.append(String.format(Locale.ROOT, " (sum %.2f)", total)));
                    }
                    // cost of a box change (NPT, tension): the influence function recomputed on the device
                    cp.profileNanos = new TreeMap<>();
                    cp.profileClock = System::nanoTime;
                    for (int k = 0; k < reps; k++) {
                        double sc = 1 + 1e-4 * (k + 1);
                        org.glasssoftness.core.model.Box b = s.box;
                        cp.compute(x, f, new org.glasssoftness.core.model.Box(b.xlo(), b.ylo(), b.zlo(), b.lx() * sc,
                                b.ly() * sc, b.lz() * sc, 0, 0, 0, true, true, true), null);
                    }
                    System.out.printf(Locale.ROOT, "  box change: influence function %.2f ms (wall, waited for)%n",
                            cp.profileNanos.getOrDefault("pppm_greens", 0L) / 1e6 / reps);
                    cp.profileNanos = null;
                }
            }
            CL.clReleaseMemObject(x);
            CL.clReleaseMemObject(f);
        }
    }

    /** CPU time of the whole process (all threads, the OpenCL runtime's included). */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static void writeData(Path p, MdState s) throws Exception {
        StringBuilder d = new StringBuilder("LiBP glass for the PPPM benchmark\n\n");
        d.append(s.n).append(" atoms\n").append(s.speciesNames.size()).append(" atom types\n\n");
        d.append(String.format(Locale.ROOT, "%.17g %.17g xlo xhi\n%.17g %.17g ylo yhi\n%.17g %.17g zlo zhi\n\nMasses\n\n",
                s.box.xlo(), s.box.xhi(), s.box.ylo(), s.box.yhi(), s.box.zlo(), s.box.zhi()));
        double[] m = new double[s.speciesNames.size()];
        for (int i = 0; i < s.n; i++) m[s.species[i]] = s.mass[i];
        for (int t = 0; t < m.length; t++) d.append(t + 1).append(' ').append(m[t]).append('\n');
        d.append("\nAtoms # charge\n\n");
        for (int i = 0; i < s.n; i++) {
            d.append(String.format(Locale.ROOT, "%d %d %.17g %.17g %.17g %.17g\n", s.ids[i], s.species[i] + 1, s.charge[i],
                    s.x[3 * i], s.x[3 * i + 1], s.x[3 * i + 2]));
        }
        Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
        Files.writeString(tmp, d.toString());
        Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
