package org.glasssoftness.cli.readdump;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.glasssoftness.cli.FrameRangeOptions;
import org.glasssoftness.cli.TypeMapOption;
import org.glasssoftness.core.io.TrajectoryTables;
import org.glasssoftness.core.io.lammps.DumpReadOptions;
import org.glasssoftness.core.io.lammps.LammpsDumpReader;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TypeMap;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.sample.SampleTrajectory;
import org.glasssoftness.core.table.CsvTableWriter;
import org.glasssoftness.core.table.ResultTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The Read LAMMPS Dump node from the command line: reads a dump (default: the bundled sample) and summarises it. */
@Command(name = "read-dump", mixinStandardHelpOptions = true,
        description = {"Reads a LAMMPS text dump (.gz too) and prints a one-line summary.",
            "With --out, writes atoms.csv (the first frame's atoms) and frames.csv (one row per frame)."})
public final class ReadDumpCommand implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "FILE",
            description = "LAMMPS dump file (default: the bundled 480-atom LiBP sample)")
    Path input;

    @Mixin
    TypeMapOption typeMap;

    @Mixin
    FrameRangeOptions frames;

    @Option(names = "--out", paramLabel = "DIR", description = "folder for atoms.csv and frames.csv")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path file = input != null ? input : SampleTrajectory.file();
        DumpReadOptions opts;
        try {
            TypeMap map = input == null ? typeMap.parseOr(SampleTrajectory.TYPE_MAP) : typeMap.parse();
            opts = new DumpReadOptions(map, frames.selection());
        } catch (IllegalArgumentException e) {
            System.err.println("read-dump: " + e.getMessage());
            return 2;
        }
        try (Trajectory t = LammpsDumpReader.open(file, opts, Progress.NONE)) { // failures: GlassSoftnessCli's report
            run(t);
        }
        return 0;
    }

    private void run(Trajectory t) throws java.io.IOException {
        {
            ResultTable frames = TrajectoryTables.frames(t, Progress.NONE);   // reads (and so checks) every frame
            if (out != null) {
                CsvTableWriter.writeInto(out, TrajectoryTables.atoms(t.frame(0)));
                CsvTableWriter.writeInto(out, frames);
            }
            System.out.println(t.info().summary() + " from " + (input != null ? input : "the bundled sample "
                    + SampleTrajectory.RESOURCE));
        }
    }
}
