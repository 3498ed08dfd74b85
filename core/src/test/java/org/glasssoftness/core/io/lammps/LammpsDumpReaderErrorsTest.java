package org.glasssoftness.core.io.lammps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glasssoftness.core.io.TrajectoryFormatException;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TypeMap;
import org.glasssoftness.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-written small dumps, good and bad; line numbers counted by hand: a frame of 2 atoms spans 11 lines. */
class LammpsDumpReaderErrorsTest {
    @TempDir
    Path dir;

    private static String frame(long step, String columns, String... atoms) {
        StringBuilder sb = new StringBuilder();
        sb.append("ITEM: TIMESTEP\n").append(step).append("\nITEM: NUMBER OF ATOMS\n").append(atoms.length)
                .append("\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 10\n0 10\nITEM: ATOMS ").append(columns).append('\n');
        for (String a : atoms) sb.append(a).append('\n');
        return sb.toString();
    }

    private static final String GOOD0 = frame(0, "id type x y z", "2 1 1.0 2.0 3.0", "1 2 4.0 5.0 6.0");
    private static final String GOOD1 = frame(100, "id type x y z", "1 2 4.5 5.0 6.0", "2 1 1.5 2.0 3.0");

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private TrajectoryFormatException fails(Path f, TypeMap map) {
        return assertThrows(TrajectoryFormatException.class, () -> {
            try (Trajectory t = LammpsDumpReader.open(f, DumpReadOptions.of(map), Progress.NONE)) {
                for (int k = 0; k < t.frameCount(); k++) t.frame(k);
            }
        });
    }

    private TrajectoryFormatException fails(Path f) {
        return fails(f, TypeMap.empty());
    }

    private static void says(TrajectoryFormatException e, Path f, long line, int frame, String text) {
        assertEquals(f, e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(frame, e.frame(), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }

    @Test
    void goodFileReadsAndSortsById() throws IOException {
        Path f = write("good.dump", GOOD0 + GOOD1);
        try (Trajectory t = LammpsDumpReader.open(f, DumpReadOptions.of(TypeMap.parse("1=O,2=Li")), Progress.NONE)) {
            assertEquals(2, t.frameCount());
            Frame a = t.frame(0);
            assertArrayEquals(new long[] {1, 2}, a.ids());
            assertArrayEquals(new double[] {4, 5, 6, 1, 2, 3}, a.positions());
            assertEquals("Li", a.speciesOf(0));
            assertEquals("O", a.speciesOf(1));
            assertEquals(java.util.List.of("O", "Li"), a.speciesNames());
            assertEquals(100, t.frame(1).timestep());
            assertEquals(4.5, t.frame(1).positions()[0]);
        }
    }

    @Test
    void emptyFile() throws IOException {
        Path f = write("empty.dump", "");
        says(fails(f), f, -1, -1, "empty file");
        Path blank = write("blank.dump", "\n  \n");
        says(fails(blank), blank, -1, -1, "no frame");
    }

    @Test
    void truncatedFinalFrame() throws IOException {
        String cut = GOOD1.substring(0, GOOD1.lastIndexOf("2 1 1.5"));   // second atom line missing
        Path f = write("cut.dump", GOOD0 + cut);
        says(fails(f), f, 21, 1, "truncated frame");
        Path g = write("cutline.dump", GOOD0 + cut + "2 1 1.5");        // last line cut inside
        says(fails(g), g, 22, 1, "truncated frame");
        Path h = write("cuthead.dump", GOOD0 + "ITEM: TIMESTEP\n100\nITEM: NUMBER OF ATOMS\n");
        says(fails(h), h, 14, 1, "truncated frame");
    }

    @Test
    void nonNumericToken() throws IOException {
        Path f = write("nan.dump", GOOD0 + frame(100, "id type x y z", "1 2 4.5 5.0 6.0", "2 1 1.5 2.O 3.0"));
        says(fails(f), f, 22, 1, "column 'y': '2.O' is not a number");
    }

    @Test
    void missingPositionColumns() throws IOException {
        Path f = write("nopos.dump", frame(0, "id type x y vx", "1 1 1 2 3"));
        says(fails(f), f, 9, 0, "missing position columns");
    }

    @Test
    void tooFewAndTooManyColumns() throws IOException {
        Path f = write("few.dump", frame(0, "id type x y z", "1 1 1 2 3", "2 1 1 2"));
        says(fails(f), f, 11, 0, "expected 5 columns");
        Path g = write("many.dump", frame(0, "id type x y z", "1 1 1 2 3 4", "2 1 1 2 3"));
        says(fails(g), g, 10, 0, "more than 5 columns");
    }

    @Test
    void atomCountChanges() throws IOException {
        Path f = write("count.dump", GOOD0 + frame(100, "id type x y z", "1 2 4.5 5.0 6.0"));
        says(fails(f), f, 15, 1, "number of atoms 1 differs from the first frame's 2");
    }

    @Test
    void duplicatedIds() throws IOException {
        Path f = write("dup.dump", GOOD0 + frame(100, "id type x y z", "2 2 4.5 5.0 6.0", "2 1 1.5 2.0 3.0"));
        says(fails(f), f, 22, 1, "atom id 2 is duplicated (also on line 21)");
    }

    @Test
    void unknownTypeInMap() throws IOException {
        Path f = write("type.dump", GOOD0 + frame(100, "id type x y z", "1 3 4.5 5.0 6.0", "2 1 1.5 2.0 3.0"));
        TrajectoryFormatException e = fails(f, TypeMap.parse("1=O,2=Li"));
        says(e, f, 21, 1, "atom id 1 has type 3, which the type map '1=O,2=Li' does not name");
        Path g = write("type2.dump", GOOD0 + frame(100, "id type x y z", "2 1 1.5 2.0 3.0", "1 3 4.5 5.0 6.0"));
        says(fails(g, TypeMap.parse("1=O,2=Li")), g, 22, 1, "atom id 1 has type 3");
    }

    @Test
    void elementNotInTheFirstFrame() throws IOException {
        Path f = write("el2.dump", frame(0, "id element x y z", "1 Li 0 0 0", "2 O 1 1 1")
                + frame(5, "id element x y z", "2 O 1 1 1", "1 P 0 0 0"));
        says(fails(f), f, 22, 1, "element 'P' does not occur in the first frame read");
    }

    @Test
    void notADump() throws IOException {
        Path f = write("data.txt", "LAMMPS data file\n\n2 atoms\n");
        says(fails(f), f, 1, 0, "expected an 'ITEM:' line");
    }

    @Test
    void columnsChange() throws IOException {
        Path f = write("cols.dump", GOOD0 + frame(100, "id type xu yu zu", "1 2 4.5 5.0 6.0", "2 1 1.5 2.0 3.0"));
        says(fails(f), f, 20, 1, "differ from the first frame's");
    }

    @Test
    void noSpeciesSource() throws IOException {
        Path f = write("nospecies.dump", frame(0, "id x y z", "1 1 2 3"));
        says(fails(f), f, 9, 0, "no 'type' or 'element' column");
    }

    @Test
    void frameBeyondTheFile() throws IOException {
        Path f = write("good.dump", GOOD0 + GOOD1);
        TrajectoryFormatException e = assertThrows(TrajectoryFormatException.class,
                () -> LammpsDumpReader.open(f, new DumpReadOptions(TypeMap.empty(), 5, -1, 1), Progress.NONE));
        says(e, f, -1, -1, "the file has 2 frames");
    }

    @Test
    void elementColumnAndExtraProperties() throws IOException {
        Path f = write("el.dump", frame(0, "id element type x y z q c_pe", "3 O 2 0 0 0 -1.2 -5.5", "1 Li 1 1 1 1 0.6 -1.25",
                "2 P 3 2 2 2 3.0 -20"));
        try (Trajectory t = LammpsDumpReader.open(f)) {
            Frame a = t.frame(0);
            assertEquals(java.util.List.of("Li", "O", "P"), a.speciesNames());
            assertEquals("O", a.speciesOf(2));
            assertArrayEquals(new double[] {0.6, 3.0, -1.2}, a.properties().get("q"));
            assertArrayEquals(new double[] {-1.25, -20, -5.5}, a.properties().get("c_pe"));
        }
    }
}
