package org.glasssoftness.cli;

import picocli.CommandLine;

/** The list of subcommands, one line per node (kept here so each feature adds exactly one line). */
final class Subcommands {
    private Subcommands() { }

    static void register(CommandLine cl) {
        // cl.addSubcommand("read-dump", new ReadDumpCommand());
        cl.addSubcommand("build-glass", new BuildGlassCommand());
        cl.addSubcommand("md", new MdCommand());
    }
}
