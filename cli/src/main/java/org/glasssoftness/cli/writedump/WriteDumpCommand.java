package org.glasssoftness.cli.writedump;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.glasssoftness.core.io.lammps.DumpReadOptions;
import org.glasssoftness.core.io.lammps.LammpsDumpReader;
import org.glasssoftness.core.io.lammps.LammpsDumpWriter;
import org.glasssoftness.core.io.store.FrameStore;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TypeMap;
import org.glasssoftness.core.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Write LAMMPS Dump node from the command line (with the Read LAMMPS Dump settings for its input): writes a
 * trajectory, a LAMMPS dump or a FrameStore file (.gsf, e.g. from md), as a LAMMPS text dump with every per-atom
 * property as a column, atomically.
 */
@Command(name = "write-dump", mixinStandardHelpOptions = true,
        description = {"Writes a trajectory as a LAMMPS text dump (id type element xu yu zu ix iy iz [vx vy vz]"
            + " + per-atom properties), e.g. for OVITO.",
            "The input is a LAMMPS dump (.gz too) or a FrameStore trajectory (.gsf)."})
public final class WriteDumpCommand implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "FILE", required = true,
            description = "LAMMPS dump (text or gzip) or FrameStore trajectory (.gsf)")
    Path input;

    @Option(names = "--type-map", paramLabel = "MAP", defaultValue = "",
            description = "for a dump input: LAMMPS type to element, e.g. 1=Li,2=B,3=O,4=P (default: element column)")
    String typeMap;

    @Option(names = "--first-frame", defaultValue = "0", description = "for a dump input: first frame (default: ${DEFAULT-VALUE})")
    int firstFrame;

    @Option(names = "--last-frame", defaultValue = "-1", description = "for a dump input: last frame, inclusive; -1 = last")
    int lastFrame;

    @Option(names = "--stride", defaultValue = "1", description = "for a dump input: every n-th frame (default: ${DEFAULT-VALUE})")
    int stride;

    @Option(names = "--output", paramLabel = "FILE", required = true, description = "dump file to write")
    Path output;

    @Option(names = "--overwrite", description = "replace the output file if it exists")
    boolean overwrite;

    @Override
    public Integer call() {
        DumpReadOptions opts;
        try {
            opts = new DumpReadOptions(TypeMap.parse(typeMap), firstFrame, lastFrame, stride);
        } catch (IllegalArgumentException e) {
            System.err.println("write-dump: " + e.getMessage());
            return 2;
        }
        if (Files.exists(output) && !overwrite) {
            System.err.println("write-dump: " + output + " exists; add --overwrite to replace it");
            return 1;
        }
        boolean store = input.getFileName().toString().endsWith(".gsf");
        try (Trajectory t = store ? FrameStore.open(input) : LammpsDumpReader.open(input, opts, Progress.NONE)) {
            LammpsDumpWriter.write(output, t, Progress.NONE);
            System.out.println("wrote " + t.info().summary() + " to " + output);
        } catch (java.io.IOException | IllegalArgumentException e) {
            System.err.println("write-dump: " + e.getMessage());
            return 1;
        }
        return 0;
    }
}
