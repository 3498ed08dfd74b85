package org.glasssoftness.core.io.lammps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.glasssoftness.core.io.DumpTruth;
import org.glasssoftness.core.io.DumpTruth.TFrame;
import org.glasssoftness.core.io.LammpsRunner;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TypeMap;
import org.glasssoftness.core.progress.Progress;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dumps written by LAMMPS during the test; the truth is the numbers LAMMPS printed (read back by the independent
 * {@link DumpTruth}) and the box LAMMPS reports through {@code print $(xlo) ...}.
 */
class LammpsDumpReaderLammpsTest {

    /** 50 free atoms (pair zero) at 3000 K so that many cross the boundaries; spatial sorting every 10 steps. */
    static String script(boolean triclinic) {
        return "units metal\natom_style atomic\nboundary p p p\n"
                + (triclinic ? "region box prism 0 10 0 11 0 12 1.5 -0.7 0.9\n" : "region box block -1 10 0.5 11 0 12\n")
                + "create_box 2 box\ncreate_atoms 1 random 30 12345 NULL\ncreate_atoms 2 random 20 54321 NULL\n"
                + "mass 1 6.94\nmass 2 10.81\npair_style zero 3.0\npair_coeff * *\n"
                + "velocity all create 3000 4321\natom_modify sort 10 1.0\ncompute ke all ke/atom\nfix 1 all nve\n"
                + "dump d1 all custom 50 xyz.dump id type x y z ix iy iz vx vy vz c_ke\n"
                + "dump_modify d1 format float %.17g\n"
                + "dump d2 all custom 50 scaled.dump id type xs ys zs\ndump_modify d2 format float %.17g\n"
                + "dump d3 all custom 50 unwrapped.dump id element xu yu zu\ndump_modify d3 element Li B\n"
                + "dump d4 all custom 50 scaledu.dump zsu ysu xsu type id\ndump_modify d4 format float %.17g\n"
                + "run 200\n"
                + "print \"$(xlo:%.17g) $(xhi:%.17g) $(ylo:%.17g) $(yhi:%.17g) $(zlo:%.17g) $(zhi:%.17g)"
                + " $(xy:%.17g) $(xz:%.17g) $(yz:%.17g)\" file box.txt\n";
    }

    @ParameterizedTest(name = "triclinic={0}")
    @ValueSource(booleans = {false, true})
    void readsWhatLammpsPrinted(boolean triclinic, @TempDir Path dir) throws Exception {
        LammpsRunner.run(dir, script(triclinic));
        List<TFrame> truth = DumpTruth.read(dir.resolve("xyz.dump"));
        assertEquals(5, truth.size());
        boolean anyUnsorted = false, anyImage = false;
        for (TFrame t : truth) {
            for (int i = 1; i < t.fileOrder().size(); i++) anyUnsorted |= t.fileOrder().get(i) < t.fileOrder().get(i - 1);
            for (long id : t.atoms().keySet()) anyImage |= t.value(id, "ix") != 0 || t.value(id, "iz") != 0;
        }
        assertTrue(anyUnsorted, "LAMMPS should have written atoms out of id order (atom_modify sort)");
        assertTrue(anyImage, "some atoms should have crossed the box");

        double[] lmpBox = java.util.Arrays.stream(Files.readString(dir.resolve("box.txt")).trim().split("\\s+"))
                .mapToDouble(Double::parseDouble).toArray();

        try (Trajectory xyz = LammpsDumpReader.open(dir.resolve("xyz.dump"), DumpReadOptions.of(TypeMap.parse("1=Li,2=B")),
                Progress.NONE);
             Trajectory scaled = LammpsDumpReader.open(dir.resolve("scaled.dump"));
             Trajectory scaledU = LammpsDumpReader.open(dir.resolve("scaledu.dump"));
             Trajectory unwrapped = LammpsDumpReader.open(dir.resolve("unwrapped.dump"))) {
            assertEquals(5, xyz.frameCount());
            assertEquals(List.of("Li", "B"), xyz.info().speciesNames());
            assertArrayEquals(new int[] {30, 20}, xyz.info().speciesCounts());
            assertEquals(List.of("c_ke"), xyz.info().propertyNames());
            assertEquals(List.of("Li", "B"), unwrapped.info().speciesNames());
            assertEquals(List.of("1", "2"), scaled.info().speciesNames());
            for (int k = 0; k < 5; k++) {
                TFrame t = truth.get(k);
                Frame f = xyz.frame(k);
                assertEquals(t.timestep(), f.timestep());
                assertEquals(50, f.atomCount());
                Box b = f.box();
                assertEquals(triclinic, b.isTriclinic());
                // the box LAMMPS printed for itself
                double tol = triclinic ? 1e-13 : 0;
                assertEquals(lmpBox[0], b.xlo(), tol);
                assertEquals(lmpBox[1], b.xhi(), tol);
                assertEquals(lmpBox[2], b.ylo(), tol);
                assertEquals(lmpBox[3], b.yhi(), tol);
                assertEquals(lmpBox[4], b.zlo(), tol);
                assertEquals(lmpBox[5], b.zhi(), tol);
                assertEquals(lmpBox[6], b.xy(), 0);
                assertEquals(lmpBox[7], b.xz(), 0);
                assertEquals(lmpBox[8], b.yz(), 0);
                long[] ids = t.atoms().keySet().stream().mapToLong(Long::longValue).toArray();
                assertArrayEquals(ids, f.ids());
                Frame fs = scaled.frame(k), fu = unwrapped.frame(k), fsu = scaledU.frame(k);
                assertArrayEquals(ids, fs.ids());
                assertArrayEquals(ids, fu.ids());
                assertArrayEquals(ids, fsu.ids());
                assertFalse(f.positionsUnwrapped());
                assertTrue(fu.positionsUnwrapped());
                assertTrue(fsu.positionsUnwrapped());
                for (int i = 0; i < ids.length; i++) {
                    long id = ids[i];
                    String[] xyzCols = {"x", "y", "z"}, imgCols = {"ix", "iy", "iz"}, velCols = {"vx", "vy", "vz"};
                    for (int d = 0; d < 3; d++) {
                        // bit for bit what LAMMPS printed
                        assertEquals(t.value(id, xyzCols[d]), f.positions()[3 * i + d], 0);
                        assertEquals(t.value(id, velCols[d]), f.velocities()[3 * i + d], 0);
                        assertEquals((int) t.value(id, imgCols[d]), f.images()[3 * i + d]);
                        // scaled coordinates converted through the box agree with LAMMPS' own x y z
                        assertEquals(t.value(id, xyzCols[d]), fs.positions()[3 * i + d], 1e-12);
                    }
                    assertEquals(t.value(id, "c_ke"), f.properties().get("c_ke")[i], 0);
                    assertEquals(t.value(id, "type") == 1 ? "Li" : "B", f.speciesOf(i));
                    assertEquals((int) t.value(id, "type"), f.types()[i]);
                    assertEquals(f.speciesOf(i), fu.speciesOf(i));
                    // unwrapped: x + image shifts, LAMMPS %g prints 6 significant digits
                    double[] u = new double[3];
                    f.unwrappedPosition(i, u, 0);
                    for (int d = 0; d < 3; d++) {
                        assertEquals(u[d], fu.positions()[3 * i + d], 1e-5 * Math.max(1, Math.abs(u[d])));
                        assertEquals(u[d], fsu.positions()[3 * i + d], 1e-12);
                    }
                }
            }
        }

        // the same file gzipped reads the same frames, also out of order
        Path gz = dir.resolve("xyz.dump.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(dir.resolve("xyz.dump"), out);
        }
        try (Trajectory plain = LammpsDumpReader.open(dir.resolve("xyz.dump"));
             Trajectory z = LammpsDumpReader.open(gz)) {
            assertEquals(plain.frameCount(), z.frameCount());
            for (int k : new int[] {0, 1, 2, 3, 4, 2, 0, 4}) {
                Frame a = plain.frame(k), c = z.frame(k);
                assertEquals(a.timestep(), c.timestep());
                assertArrayEquals(a.positions(), c.positions());
                assertArrayEquals(a.ids(), c.ids());
            }
        }
    }

    @ParameterizedTest(name = "first={0}")
    @ValueSource(ints = {0, 1})
    void selectsFrames(int first, @TempDir Path dir) throws Exception {
        LammpsRunner.run(dir, script(false));
        List<TFrame> truth = DumpTruth.read(dir.resolve("xyz.dump"));
        try (Trajectory t = LammpsDumpReader.open(dir.resolve("xyz.dump"),
                new DumpReadOptions(TypeMap.empty(), first, 3, 2), Progress.NONE)) {
            assertEquals(2, t.frameCount());
            assertEquals(truth.get(first).timestep(), t.frame(0).timestep());
            assertEquals(truth.get(first + 2).timestep(), t.frame(1).timestep());
        }
        try (Trajectory t = LammpsDumpReader.open(dir.resolve("xyz.dump"),
                new DumpReadOptions(TypeMap.empty(), first, -1, 3), Progress.NONE)) {
            assertEquals(first == 0 ? 2 : 2, t.frameCount());
            assertEquals(truth.get(first + 3).timestep(), t.frame(1).timestep());
        }
    }
}
