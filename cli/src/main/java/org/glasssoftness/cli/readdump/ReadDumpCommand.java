package org.glasssoftness.cli.readdump;

import java.nio.file.Path;
import java.util.concurrent.Callable;
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
import picocli.CommandLine.Option;

/** The Read LAMMPS Dump node from the command line: reads a dump (default: the bundled sample) and summarises it. */
@Command(name = "read-dump", mixinStandardHelpOptions = true,
        description = {"Reads a LAMMPS text dump (.gz too) and prints a one-line summary.",
            "With --out, writes atoms.csv (the first frame's atoms) and frames.csv (one row per frame)."})
public final class ReadDumpCommand implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "FILE",
            description = "LAMMPS dump file (default: the bundled 480-atom LiBP sample)")
    Path input;

    @Option(names = "--type-map", paramLabel = "MAP", defaultValue = "",
            description = "LAMMPS type to element, e.g. 1=Li,2=B,3=O,4=P (default: element column, else types)")
    String typeMap;

    @Option(names = "--first-frame", defaultValue = "0", description = "first frame to read, 0-based (default: ${DEFAULT-VALUE})")
    int firstFrame;

    @Option(names = "--last-frame", defaultValue = "-1", description = "last frame to read, inclusive; -1 = last (default: ${DEFAULT-VALUE})")
    int lastFrame;

    @Option(names = "--stride", defaultValue = "1", description = "read every n-th frame (default: ${DEFAULT-VALUE})")
    int stride;

    @Option(names = "--out", paramLabel = "DIR", description = "folder for atoms.csv and frames.csv")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path file = input != null ? input : SampleTrajectory.file();
        String map = typeMap.isBlank() && input == null ? SampleTrajectory.TYPE_MAP : typeMap;
        DumpReadOptions opts;
        try {
            opts = new DumpReadOptions(TypeMap.parse(map), firstFrame, lastFrame, stride);
        } catch (IllegalArgumentException e) {
            System.err.println("read-dump: " + e.getMessage());
            return 2;
        }
        try (Trajectory t = LammpsDumpReader.open(file, opts, Progress.NONE)) {
            run(t);
        } catch (java.io.IOException | IllegalArgumentException e) {
            System.err.println("read-dump: " + (e instanceof java.nio.file.NoSuchFileException
                    ? "file not found: " + e.getMessage() : e.getMessage()));
            return 1;
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
