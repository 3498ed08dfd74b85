package org.glasssoftness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A missing input file ends in one line naming the subcommand and the file, not a stack trace. */
class FailureReportTest {
    @Test
    void missingInputIsOneClearLine(@TempDir Path dir) {
        CommandLine cl = GlassSoftnessCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        Path missing = dir.resolve("missing.dump");
        int rc = cl.execute("rdf", "--input", missing.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, rc);
        String text = err.toString();
        assertTrue(text.contains("rdf: file not found: " + missing), text);
        assertFalse(text.contains("\tat "), "no stack trace for bad input: " + text);
    }
}
