package org.glasssoftness.cli.readdump;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.glasssoftness.core.io.lammps.DumpReadOptions;
import org.glasssoftness.core.io.lammps.LammpsDataWriter;
import org.glasssoftness.core.io.lammps.LammpsDumpWriter;
import org.glasssoftness.core.io.lammps.LammpsFiles;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TypeMap;
import org.glasssoftness.core.progress.Progress;
import picocli.CommandLine.Command;
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

    @Option(names = "--type-map", defaultValue = "", description = "LAMMPS type to element, e.g. 1=Li,2=B,3=O,4=P")
    String typeMap;

    @Option(names = "--first-frame", defaultValue = "0", description = "first frame (0-based, default ${DEFAULT-VALUE})")
    int firstFrame;

    @Option(names = "--last-frame", defaultValue = "-1", description = "last frame, inclusive (-1 = last)")
    int lastFrame;

    @Option(names = "--stride", defaultValue = "1", description = "every n-th frame (default ${DEFAULT-VALUE})")
    int stride;

    @Override
    public Integer call() {
        try {
            if (Files.exists(output) && !overwrite) {
                System.err.println("write-dump: " + output + " exists; add --overwrite to replace it");
                return 2;
            }
            DumpReadOptions opts = new DumpReadOptions(TypeMap.parse(typeMap), firstFrame, lastFrame, stride);
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
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("write-dump: " + (e instanceof java.nio.file.NoSuchFileException
                    ? "file not found: " + e.getMessage() : e.getMessage()));
            return 1;
        }
    }
}
