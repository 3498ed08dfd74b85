package org.glasssoftness.core.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A trajectory or structure file that does not have the expected format. The message names the file, the line
 * (1-based, or -1 when not known) and the frame (0-based index in the file, or -1) and says what was expected, e.g.
 * {@code dump.lammpstrj:1234: frame 3: expected 5 columns (id type x y z), found 4}.
 */
public class TrajectoryFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final int frame;
    private final String detail;

    public TrajectoryFormatException(Path file, long line, int frame, String message) {
        super(compose(file, line, frame, message));
        this.file = file;
        this.line = line;
        this.frame = frame;
        this.detail = message;
    }

    private static String compose(Path file, long line, int frame, String message) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<input>" : file.toString());
        if (line > 0) sb.append(':').append(line);
        sb.append(": ");
        if (frame >= 0) sb.append("frame ").append(frame).append(": ");
        sb.append(message);
        return sb.toString();
    }

    /** The file that was read (may be null for an anonymous stream). */
    public Path file() { return file; }

    /** 1-based line number, or -1 when the problem is not tied to a line. */
    public long line() { return line; }

    /** 0-based frame index in the file, or -1. */
    public int frame() { return frame; }

    /** What was expected, without the file/line/frame prefix. */
    public String detail() { return detail; }
}
