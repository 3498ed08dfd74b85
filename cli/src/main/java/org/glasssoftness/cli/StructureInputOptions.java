package org.glasssoftness.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.glasssoftness.core.io.lammps.DumpReadOptions;
import org.glasssoftness.core.io.lammps.LammpsDumpReader;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TypeMap;
import org.glasssoftness.core.progress.Progress;
import picocli.CommandLine.Option;

/** Input and frame options of the structure subcommands (rdf, coordination): the node's frame settings. */
final class StructureInputOptions {
    @Option(names = "--input", required = true, description = "LAMMPS dump file (text or gzip)")
    Path input;

    @Option(names = "--type-map", defaultValue = "", description = "LAMMPS type to element, e.g. 1=Li,2=B,3=O,4=P "
            + "(empty: element column, else species named by type)")
    String typeMap;

    @Option(names = "--first-frame", defaultValue = "0", description = "first frame (0-based, default ${DEFAULT-VALUE})")
    int firstFrame;

    @Option(names = "--last-frame", defaultValue = "-1", description = "last frame, inclusive (-1 = last)")
    int lastFrame;

    @Option(names = "--stride", defaultValue = "1", description = "use every n-th frame (default ${DEFAULT-VALUE})")
    int stride;

    @Option(names = "--threads", defaultValue = "0", description = "worker threads (0 = all processors)")
    int threads;

    Trajectory open() throws IOException {
        return LammpsDumpReader.open(input, new DumpReadOptions(TypeMap.parse(typeMap), firstFrame, lastFrame, stride),
                Progress.NONE);
    }
}
