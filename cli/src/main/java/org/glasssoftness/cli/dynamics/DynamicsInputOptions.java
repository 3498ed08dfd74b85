package org.glasssoftness.cli.dynamics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.glasssoftness.cli.FrameRangeOptions;
import org.glasssoftness.cli.ThreadsOption;
import org.glasssoftness.cli.TypeMapOption;
import org.glasssoftness.core.io.lammps.DumpReadOptions;
import org.glasssoftness.core.io.lammps.LammpsDumpReader;
import org.glasssoftness.core.io.store.FrameStore;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.sample.SampleTrajectory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Input trajectory and frame range shared by the dynamics subcommands (d-cum, msd, bond-switch). */
public final class DynamicsInputOptions {
    @Option(names = "--input", paramLabel = "FILE",
            description = "LAMMPS dump (.gz allowed) or frame store; default: the bundled sample trajectory")
    Path input;

    @Mixin
    TypeMapOption typeMap = new TypeMapOption();

    /** The analysed range (the analysis, not the reader, applies it: frame indices stay those of the file). */
    @Mixin
    FrameRangeOptions frames = new FrameRangeOptions();

    @Mixin
    ThreadsOption threads = new ThreadsOption();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the CSV tables")
    Path out;

    /** Opens the input: a frame store (recognised by its magic bytes), else a LAMMPS dump, else the sample. */
    Trajectory open() throws IOException {
        if (input == null) return SampleTrajectory.open();
        if (!Files.isRegularFile(input)) throw new IOException("input file " + input + " does not exist");
        if (FrameStore.isStore(input)) return FrameStore.open(input);
        return LammpsDumpReader.open(input, DumpReadOptions.of(typeMap.parse()), Progress.NONE);
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
     * cannot be analysed (missing species, mismatched frames, unreadable file) is thrown on to the CLI's one failure
     * report ({@code GlassSoftnessCli.reportFailure}: "command: message", exit 1).
     */
    static <S> int runReporting(String command, SettingsStep<S> settings, RunStep<S> run) throws IOException {
        S s;
        try {
            s = settings.build();
        } catch (IllegalArgumentException e) {
            System.err.println(command + ": " + e.getMessage());
            return 2;
        }
        run.run(s);
        return 0;
    }

    int firstFrame() { return frames.firstFrame; }

    int lastFrame() { return frames.lastFrame; }

    int stride() { return frames.stride; }

    int threads() { return threads.threads; }

    String inputName() { return input == null ? "bundled sample" : input.getFileName().toString(); }
}
