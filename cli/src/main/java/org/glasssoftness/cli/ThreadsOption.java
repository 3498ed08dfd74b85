package org.glasssoftness.cli;

import picocli.CommandLine.Option;

/** The --threads option of the multi-threaded analyses. Used as a picocli {@code @Mixin}. */
public final class ThreadsOption {
    @Option(names = "--threads", defaultValue = "0", description = "worker threads (0 = all processors, default)")
    public int threads;
}
