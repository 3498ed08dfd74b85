package org.glasssoftness.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers never see half of it: the content goes to a temporary file in the same folder, which
 * replaces the target only when complete. On failure the temporary file is removed and the target is untouched.
 */
public final class AtomicFiles {
    /** The body of a write. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() { }

    public static void write(Path target, Body body) throws IOException {
        Path tmp = tempFileFor(target);
        boolean done = false;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                body.write(out);
            }
            replace(tmp, target);
            done = true;
        } finally {
            if (!done) Files.deleteIfExists(tmp);
        }
    }

    /** A new empty temporary file in the target's folder (created if missing), for a write finished by {@link #replace}. */
    public static Path tempFileFor(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) Files.createDirectories(dir);
        return Files.createTempFile(dir, "." + abs.getFileName(), ".part");
    }

    /** Moves a complete temporary file onto the target (atomically where the file system can). */
    public static void replace(Path tmp, Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        try {
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
