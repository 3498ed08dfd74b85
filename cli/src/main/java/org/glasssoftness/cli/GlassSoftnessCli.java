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
        cl.setExecutionExceptionHandler(GlassSoftnessCli::reportFailure);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * Bad input (unreadable or malformed files, invalid settings, cancellation) ends with one line naming the
     * subcommand and the reason, exit code 1; anything else is a bug and keeps its stack trace. Set
     * GLASS_SOFTNESS_DEBUG=1 to see the stack trace of every failure.
     */
    static int reportFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        boolean expected = e instanceof java.io.IOException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException || e instanceof java.io.UncheckedIOException
                || e instanceof org.glasssoftness.core.progress.CancelledException;
        java.io.PrintWriter err = cl.getErr();
        if (!expected || System.getenv("GLASS_SOFTNESS_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.println(cl.getCommandName() + ": " + describe(e));
        err.flush();
        return 1;
    }

    private static String describe(Throwable e) {
        if (e instanceof java.io.UncheckedIOException && e.getCause() != null) e = e.getCause();
        if (e instanceof java.nio.file.NoSuchFileException) return "file not found: " + e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied: " + e.getMessage();
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
