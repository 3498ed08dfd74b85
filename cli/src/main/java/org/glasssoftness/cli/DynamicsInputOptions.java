package org.glasssoftness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.glasssoftness.core.io.lammps.DumpReadOptions;
import org.glasssoftness.core.io.lammps.LammpsDumpReader;
import org.glasssoftness.core.io.store.FrameStore;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TypeMap;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.sample.SampleTrajectory;
import picocli.CommandLine.Option;

/** Input trajectory and frame range shared by the dynamics subcommands (d-cum, msd, bond-switch). */
final class DynamicsInputOptions {
    @Option(names = "--input", paramLabel = "FILE",
            description = "LAMMPS dump (.gz allowed) or frame store; default: the bundled sample trajectory")
    Path input;

    @Option(names = "--type-map", paramLabel = "MAP", defaultValue = "",
            description = "LAMMPS type to element, e.g. 1=Li,2=B,3=O,4=P (default: element column, else types)")
    String typeMap;

    @Option(names = "--first-frame", defaultValue = "0", description = "first frame used (0-based; default ${DEFAULT-VALUE})")
    int firstFrame;

    @Option(names = "--last-frame", defaultValue = "-1", description = "last frame used, inclusive; -1 = last (default)")
    int lastFrame;

    @Option(names = "--stride", defaultValue = "1", description = "frame stride (default ${DEFAULT-VALUE})")
    int stride;

    @Option(names = "--threads", defaultValue = "0", description = "worker threads, 0 = all processors (default)")
    int threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the CSV tables")
    Path out;

    /** Opens the input: a frame store (recognised by its magic bytes), else a LAMMPS dump, else the sample. */
    Trajectory open() throws IOException {
        if (input == null) return SampleTrajectory.open();
        if (!Files.isRegularFile(input)) throw new IOException("input file " + input + " does not exist");
        byte[] head = new byte[8];
        int got;
        try (InputStream in = Files.newInputStream(input)) {
            got = in.readNBytes(head, 0, 8);
        }
        if (got == 8 && Arrays.equals(head, "GSFSTORE".getBytes(StandardCharsets.US_ASCII))) return FrameStore.open(input);
        return LammpsDumpReader.open(input, DumpReadOptions.of(TypeMap.parse(typeMap)), Progress.NONE);
    }

    /** Prints "command: error: message" to standard error; exit code 2 (bad input). */
    static int fail(String command, Exception e) {
        System.err.println(command + ": error: " + e.getMessage());
        return 2;
    }

    String inputName() { return input == null ? "bundled sample" : input.getFileName().toString(); }
}
