package org.glasssoftness.cli;

import picocli.CommandLine;

/** The list of subcommands, one line per node (kept here so each feature adds exactly one line). */
final class Subcommands {
    private Subcommands() { }

    static void register(CommandLine cl) {
        // cl.addSubcommand("read-dump", new ReadDumpCommand());
        cl.addSubcommand("radial-features", new org.glasssoftness.cli.softness.RadialFeaturesCommand());
        cl.addSubcommand("train-lr", new org.glasssoftness.cli.softness.TrainLrCommand());
        cl.addSubcommand("apply-softness", new org.glasssoftness.cli.softness.ApplySoftnessCommand());
        cl.addSubcommand("scan", new org.glasssoftness.cli.softness.ScanCommand());
    }
}
