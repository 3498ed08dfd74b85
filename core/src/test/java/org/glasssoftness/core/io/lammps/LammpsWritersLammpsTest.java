package org.glasssoftness.core.io.lammps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glasssoftness.core.io.LammpsRunner;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.model.TypeMap;
import org.glasssoftness.core.progress.Progress;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Data and dump files between LAMMPS and us: LAMMPS' write_data must equal its own dump of the same step; what we
 * write, LAMMPS must read back (read_data, read_dump) and write out again unchanged.
 */
class LammpsWritersLammpsTest {

    @ParameterizedTest(name = "triclinic={0}")
    @ValueSource(booleans = {false, true})
    void dataAndDumpFilesRoundTripThroughLammps(boolean triclinic, @TempDir Path dir) throws Exception {
        String script = LammpsDumpReaderLammpsTest.script(triclinic) + "write_data lmp.data\n";
        LammpsRunner.run(dir, script);
        TypeMap map = TypeMap.parse("1=Li,2=B");
        Frame fromData = LammpsDataReader.read(dir.resolve("lmp.data"), TypeMap.empty());
        Frame last;
        try (Trajectory t = LammpsDumpReader.open(dir.resolve("xyz.dump"), DumpReadOptions.of(map), Progress.NONE)) {
            last = t.frame(t.frameCount() - 1);
        }
        // LAMMPS' data file and its full-precision dump of the same step hold the same numbers
        assertEquals(List.of("Li", "B"), fromData.speciesNames(), "species from the Masses section");
        assertArrayEquals(last.ids(), fromData.ids());
        assertArrayEquals(last.types(), fromData.types());
        // write_data wraps atoms that left the box since the last reneighbouring (and, triclinic, goes through
        // fractional coordinates): compare unwrapped positions; the images then follow
        double[] uDump = last.unwrappedPositions(), uData = fromData.unwrappedPositions();
        for (int i = 0; i < uDump.length; i++) assertEquals(uDump[i], uData[i], 1e-12);
        int same = 0;
        for (int i = 0; i < last.atomCount(); i++) {
            boolean eq = true;
            for (int d = 0; d < 3; d++) eq &= last.positions()[3 * i + d] == fromData.positions()[3 * i + d];
            if (eq) {
                same++;
                for (int d = 0; d < 3; d++) assertEquals(last.images()[3 * i + d], fromData.images()[3 * i + d]);
            }
        }
        if (!triclinic) assertTrue(same > last.atomCount() / 2, "most atoms unchanged by write_data: " + same);
        assertArrayEquals(last.velocities(), fromData.velocities());
        assertEquals(last.box().xy(), fromData.box().xy());
        assertEquals(last.box().lx(), fromData.box().lx(), 1e-13);
        last = LammpsDataReader.read(dir.resolve("lmp.data"), map);   // the frame we write from now on
        double tol = triclinic ? 1e-12 : 0;

        // our data file (charge style) -> LAMMPS read_data/write_data -> us: unchanged
        double[] q = new double[last.atomCount()];
        for (int i = 0; i < q.length; i++) q[i] = last.types()[i] == 1 ? 0.6 : -0.9;
        Frame withQ = last.withProperty("q", q);
        LammpsDataWriter.write(dir.resolve("ours.data"), withQ, true);
        // our dump (with an extra per-atom column) -> LAMMPS read_dump onto the same atoms
        Frame soft = last.withProperty("softness", q);
        LammpsDumpWriter.write(dir.resolve("ours.dump"), Trajectory.of(List.of(soft)), Progress.NONE);
        Path sub = Files.createDirectory(dir.resolve("back"));
        LammpsRunner.run(sub, "units metal\natom_style charge\nread_data ../ours.data\nwrite_data fromdata.data\n"
                + "read_dump ../ours.dump " + last.timestep() + " x y z vx vy vz ix iy iz box yes wrapped no\n"
                + "write_data fromdump.data\n");
        Frame back = LammpsDataReader.read(sub.resolve("fromdata.data"), map);
        assertArrayEquals(last.ids(), back.ids());
        for (int i = 0; i < 3 * last.atomCount(); i++) assertEquals(last.positions()[i], back.positions()[i], tol);
        assertArrayEquals(last.images(), back.images());
        assertArrayEquals(last.velocities(), back.velocities());
        assertArrayEquals(q, back.properties().get("q"));
        assertEquals(last.box().xlo(), back.box().xlo());
        assertEquals(last.box().xy(), back.box().xy());
        assertEquals(last.box().lz(), back.box().lz(), 1e-13);
        Frame viaDump = LammpsDataReader.read(sub.resolve("fromdump.data"), map);
        assertArrayEquals(last.images(), viaDump.images());
        assertArrayEquals(last.velocities(), viaDump.velocities());
        for (int i = 0; i < 3 * last.atomCount(); i++) {
            assertEquals(last.positions()[i], viaDump.positions()[i], 1e-12 * Math.max(1, Math.abs(last.positions()[i])));
        }

        // and our own reader gets back exactly the unwrapped positions and the extra column
        try (Trajectory t = LammpsDumpReader.open(dir.resolve("ours.dump"))) {
            Frame r = t.frame(0);
            assertTrue(r.positionsUnwrapped());
            assertArrayEquals(soft.unwrappedPositions(), r.positions());
            assertArrayEquals(q, r.properties().get("softness"));
            assertEquals(List.of("Li", "B"), r.speciesNames());
            assertArrayEquals(last.images(), r.images());
        }
    }
}
