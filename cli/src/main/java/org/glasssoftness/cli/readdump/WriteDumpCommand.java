package org.glasssoftness.cli.readdump;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.glasssoftness.cli.FrameRangeOptions;
import org.glasssoftness.cli.TypeMapOption;
import org.glasssoftness.core.io.lammps.DumpReadOptions;
import org.glasssoftness.core.io.lammps.LammpsDataWriter;
import org.glasssoftness.core.io.lammps.LammpsDumpWriter;
import org.glasssoftness.core.io.lammps.LammpsFiles;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The Write LAMMPS Dump node from the command line: converts a dump or data file into a dump (or a data file). */
@Command(name = "write-dump", mixinStandardHelpOptions = true,
        description = {"Reads a LAMMPS dump or data file and writes it as a LAMMPS dump (id type element xu yu zu",
            "ix iy iz [vx vy vz] + every per-atom property; .gz compresses), or, when --output ends in .data, the",
            "first frame as a data file (charge style when the atoms have a charge q)."})
public final class WriteDumpCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "FILE", description = "LAMMPS dump (text or gzip) or data file")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "file to write")
    Path output;

    @Option(names = "--overwrite", description = "replace an existing output file")
    boolean overwrite;

    @Mixin
    TypeMapOption typeMap;

    @Mixin
    FrameRangeOptions frames;

    @Override
    public Integer call() throws IOException { // unreadable or malformed input: GlassSoftnessCli's failure report
        if (Files.exists(output) && !overwrite) {
            System.err.println("write-dump: " + output + " exists; add --overwrite to replace it");
            return 2;
        }
        DumpReadOptions opts = new DumpReadOptions(typeMap.parse(), frames.selection());
        try (Trajectory t = LammpsFiles.open(input, opts, Progress.NONE)) {
            if (output.getFileName().toString().endsWith(".data")) {
                Frame f = t.frame(0);
                LammpsDataWriter.write(output, f, f.properties().containsKey("q"));
            } else {
                LammpsDumpWriter.write(output, t, Progress.NONE);
            }
            System.out.println(t.info().summary() + " written to " + output);
        }
        return 0;
    }
}
