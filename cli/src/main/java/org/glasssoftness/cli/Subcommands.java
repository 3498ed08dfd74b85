package org.glasssoftness.cli;

import picocli.CommandLine;

/** The list of subcommands, one line per node (kept here so each feature adds exactly one line). */
final class Subcommands {
    private Subcommands() { }

    static void register(CommandLine cl) {
        cl.addSubcommand("read-dump", new org.glasssoftness.cli.readdump.ReadDumpCommand());
        cl.addSubcommand("write-dump", new org.glasssoftness.cli.readdump.WriteDumpCommand());
        cl.addSubcommand("rdf", new RdfCommand());
        cl.addSubcommand("coordination", new CoordinationCommand());
        cl.addSubcommand("d-cum", new org.glasssoftness.cli.dynamics.DCumCommand());
        cl.addSubcommand("msd", new org.glasssoftness.cli.dynamics.MsdCommand());
        cl.addSubcommand("bond-switch", new org.glasssoftness.cli.dynamics.BondSwitchCommand());
        cl.addSubcommand("radial-features", new org.glasssoftness.cli.softness.RadialFeaturesCommand());
        cl.addSubcommand("train-lr", new org.glasssoftness.cli.softness.TrainLrCommand());
        cl.addSubcommand("apply-softness", new org.glasssoftness.cli.softness.ApplySoftnessCommand());
        cl.addSubcommand("scan", new org.glasssoftness.cli.softness.ScanCommand());
        cl.addSubcommand("compare-features", new org.glasssoftness.cli.softness.CompareFeaturesCommand());
        cl.addSubcommand("build-glass", new BuildGlassCommand());
        cl.addSubcommand("md", new MdCommand());
        cl.addSubcommand("study", new org.glasssoftness.cli.study.StudyCommand());
        cl.addSubcommand("report", new org.glasssoftness.cli.study.ReportCommand());
    }
}
