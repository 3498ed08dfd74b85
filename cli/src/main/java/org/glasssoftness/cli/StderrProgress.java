package org.glasssoftness.cli;

import java.util.Locale;

import org.glasssoftness.core.progress.Progress;

/** Progress of a subcommand printed to stderr ({@code "   40% message"}), never cancelled. */
public final class StderrProgress {
    private StderrProgress() { }

    /** Prints a line whenever the fraction enters the next of {@code steps} equal parts (10: every 10 %). */
    public static Progress every(int steps) {
        return new Progress() {
            private int last = -1;

            @Override
            public void report(double fraction, String message) {
                int p = (int) (fraction * steps);
                if (p != last) {
                    last = p;
                    System.err.printf(Locale.ROOT, "  %3.0f%% %s%n", fraction * 100, message);
                }
            }

            @Override
            public boolean isCanceled() { return false; }
        };
    }
}
