package org.glasssoftness.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.glasssoftness.core.io.lammps.DumpReadOptions;
import org.glasssoftness.core.io.lammps.LammpsDumpReader;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Input and frame options of the structure subcommands (rdf, coordination): the node's frame settings. */
final class StructureInputOptions {
    @Option(names = "--input", required = true, description = "LAMMPS dump file (text or gzip)")
    Path input;

    @Mixin
    TypeMapOption typeMap;

    @Mixin
    FrameRangeOptions frames;

    @Mixin
    ThreadsOption threads;

    int threads() { return threads.threads; }

    /** The dump with the selected frames (the reader applies the range). */
    Trajectory open() throws IOException {
        return LammpsDumpReader.open(input, new DumpReadOptions(typeMap.parse(), frames.selection()), Progress.NONE);
    }
}
