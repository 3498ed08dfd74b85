package org.glasssoftness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the command-line tool. Each subcommand mirrors one KNIME node: same option names as the node
 * settings, CSV tables with a header row into {@code --out}, and a one-line summary on standard output.
 */
@Command(name = "glass-softness", mixinStandardHelpOptions = true, version = "glass-softness 1.0.0",
        description = "Softness study of glassy solid electrolytes: the engine of the KNIME nodes, from the command line.",
        subcommands = {CommandLine.HelpCommand.class})
public final class GlassSoftnessCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Builds the command line with every subcommand registered (used by main and by tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new GlassSoftnessCli());
        Subcommands.register(cl);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
