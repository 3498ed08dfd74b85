package org.glasssoftness.cli.dynamics;

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
public final class DynamicsInputOptions {
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

    /** Builds an analysis' settings from the options (may throw IllegalArgumentException for bad values). */
    @FunctionalInterface
    interface SettingsStep<S> {
        S build();
    }

    /** Runs the analysis with checked settings. */
    @FunctionalInterface
    interface RunStep<S> {
        void run(S settings) throws IOException;
    }

    /**
     * Runs a subcommand the way read-dump does: bad option values print "command: message" and exit 2; input that
     * cannot be analysed (missing species, mismatched frames, unreadable file) prints "command: message" and exits 1.
     */
    static <S> int runReporting(String command, SettingsStep<S> settings, RunStep<S> run) {
        S s;
        try {
            s = settings.build();
        } catch (IllegalArgumentException e) {
            System.err.println(command + ": " + e.getMessage());
            return 2;
        }
        try {
            run.run(s);
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println(command + ": " + e.getMessage());
            return 1;
        }
    }

    String inputName() { return input == null ? "bundled sample" : input.getFileName().toString(); }
}
