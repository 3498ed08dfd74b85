package org.glasssoftness.cli;

import org.glasssoftness.core.model.FrameSelection;
import picocli.CommandLine.Option;

/**
 * The frame range options every trajectory subcommand shares (--first-frame, --last-frame, --stride; the names equal
 * the KNIME setting keys). Used as a picocli {@code @Mixin}.
 */
public final class FrameRangeOptions {
    @Option(names = "--first-frame", defaultValue = "0", description = "first frame (0-based, default ${DEFAULT-VALUE})")
    public int firstFrame;

    @Option(names = "--last-frame", defaultValue = "-1", description = "last frame, inclusive (-1 = last, default ${DEFAULT-VALUE})")
    public int lastFrame;

    @Option(names = "--stride", defaultValue = "1", description = "use every n-th frame (default ${DEFAULT-VALUE})")
    public int stride;

    /** The range as the engine's selection type. @throws IllegalArgumentException for an invalid range */
    public FrameSelection selection() {
        return new FrameSelection(firstFrame, lastFrame, stride);
    }
}
