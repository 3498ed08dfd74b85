package org.glasssoftness.cli.readdump;

import java.nio.file.Path;
import org.glasssoftness.core.io.lammps.LammpsDumpReader;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;

/**
 * Benchmark driver (not a test, not a subcommand): opens a dump and reads every frame, as the MDAnalysis side of
 * bench/read-dump/run.sh does; prints "ours WALL s cpu CPU s ..." (CPU = the JVM process's CPU time) per timed repetition after warm-up repetitions.
 * Usage: java -cp glass-softness-cli.jar org.glasssoftness.cli.readdump.ReadDumpBenchmark FILE WARMUP REPS
 */
public final class ReadDumpBenchmark {
    private ReadDumpBenchmark() { }

    /** CPU time of the whole JVM (all threads: reader, JIT, GC), comparable with Python's process_time(). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int warm = Integer.parseInt(args[1]), reps = Integer.parseInt(args[2]);
        for (int r = 0; r < warm + reps; r++) {
            long t0 = System.nanoTime();
            long c0 = processCpuNanos();
            double s = 0;
            int n;
            try (Trajectory t = LammpsDumpReader.open(file)) {
                n = t.frameCount();
                for (int k = 0; k < n; k++) {
                    Frame f = t.frame(k);
                    s += f.positions()[0];
                }
            }
            double sec = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpuNanos() - c0) / 1e9;
            if (r >= warm) System.out.printf("ours %.4f s cpu %.4f s frames=%d checksum=%.6f%n", sec, cpu, n, s);
        }
    }
}
