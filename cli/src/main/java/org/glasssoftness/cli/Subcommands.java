package org.glasssoftness.cli;

import picocli.CommandLine;

/** The list of subcommands, one line per node (kept here so each feature adds exactly one line). */
final class Subcommands {
    private Subcommands() { }

    static void register(CommandLine cl) {
        // cl.addSubcommand("read-dump", new ReadDumpCommand());
        cl.addSubcommand("d-cum", new DCumCommand());
        cl.addSubcommand("msd", new MsdCommand());
        cl.addSubcommand("bond-switch", new BondSwitchCommand());
    }
}
