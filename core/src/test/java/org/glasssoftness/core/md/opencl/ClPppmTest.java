package org.glasssoftness.core.md.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.build.GlassBuilder;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.md.kspace.Pppm;
import org.glasssoftness.core.model.Box;
import org.jocl.CL;
import org.jocl.cl_mem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The device PPPM against the Java {@link Pppm} (itself checked against LAMMPS pppm) on the same state: 768 atoms of
 * 40Li2O-30B2O3-30P2O5 at 2.4 g/cm^3 (random packing), 10 Å cutoff, accuracy 1e-5, on the first OpenCL device.
 */
class ClPppmTest {
    static final double CUTOFF = 10.0;
    static ClPppmTestDevice dev;
    static MdState state;

    @BeforeAll
    static void build() {
        dev = ClPppmTestDevice.open();
        System.out.println("ClPppmTest on " + dev.name());
        ForceField ff = ForceField.dengDuLiBP();
        Map<String, Double> comp = new LinkedHashMap<>();
        comp.put("Li2O", 40.0); comp.put("B2O3", 30.0); comp.put("P2O5", 30.0);
        state = MdState.fromFrame(GlassBuilder.randomPacking(GlassBuilder.atomCounts(comp, 768, ff), 2.4, 1.7, 42), ff);
        state.wrap();
    }

    @AfterAll
    static void release() {
        if (dev != null) dev.close();
    }

    /** Forces, energy and virial of the Java PPPM (fresh forces). */
    record Result(double[] f, double energy, double[] virial) { }

    static Result java(Pppm p, MdState s) {
        java.util.Arrays.fill(s.f, 0);
        double[] v = new double[6];
        double e = p.compute(s, v);
        return new Result(s.f.clone(), e, v);
    }

    /** One device call on s's positions and box, forces starting from {@code f0}. */
    static Result device(ClPppm p, MdState s, double[] f0) {
        cl_mem x = dev.upload(s.x), f = dev.upload(f0);
        try {
            double[] v = new double[6];
            double e = p.compute(x, f, s.box, v);
            return new Result(dev.read(f, 3 * s.n), e, v);
        } finally {
            CL.clReleaseMemObject(x);
            CL.clReleaseMemObject(f);
        }
    }

    static MdState copy(MdState s) {
        return new MdState(s.box, s.ids, s.speciesNames, s.species, s.charge, s.mass, s.x.clone(), null, null);
    }

    static double rms(double[] a) {
        double s = 0;
        for (double v : a) s += v * v;
        return Math.sqrt(s / a.length);
    }

    /** Largest per-atom force difference (vector norm) over the RMS force. */
    static double maxRel(double[] a, double[] ref) {
        double m = 0;
        for (int i = 0; i < a.length / 3; i++) {
            double dx = a[3 * i] - ref[3 * i], dy = a[3 * i + 1] - ref[3 * i + 1], dz = a[3 * i + 2] - ref[3 * i + 2];
            m = Math.max(m, Math.sqrt(dx * dx + dy * dy + dz * dz));
        }
        return m / (rms(ref) * Math.sqrt(3));
    }

    static double rmsRel(double[] a, double[] ref) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i] - ref[i];
        return rms(d) / rms(ref);
    }

    static double virialScale(double[] v) {
        return Math.abs(v[0]) + Math.abs(v[1]) + Math.abs(v[2]);
    }

    static void assertAgrees(String what, Result ref, Result got, double fTol, double eTol) {
        double fErr = maxRel(got.f, ref.f), eErr = Math.abs(got.energy - ref.energy) / Math.abs(ref.energy);
        double vErr = 0;
        for (int c = 0; c < 6; c++) vErr = Math.max(vErr, Math.abs(got.virial[c] - ref.virial[c]) / virialScale(ref.virial));
        System.out.printf("%s: max force diff / rms force %.2e, rms %.2e, energy %.2e, virial %.2e (E = %.9f eV)%n",
                what, fErr, rmsRel(got.f, ref.f), eErr, vErr, got.energy);
        assertTrue(fErr < fTol, what + ": forces differ by " + fErr + " of the RMS force");
        assertTrue(eErr < eTol, what + ": energy " + got.energy + " vs " + ref.energy);
        assertTrue(vErr < eTol, what + ": virial differs by " + vErr);
    }

    @Test
    void doubleModeMatchesJavaPppm() {
        MdState s = copy(state);
        Pppm jp = new Pppm(1e-5, CUTOFF);
        jp.setup(s);
        Result ref = java(jp, s);
        try (ClPppm cp = new ClPppm(dev.context, dev.queue, dev.device, false, 1e-5, CUTOFF, 5)) {
            cp.setup(s);
            assertTrue(!cp.split, "mesh 27: odd nz, full complex transforms");
            assertEquals(jp.gEwald(), cp.gEwald(), 0.0);
            assertArrayEquals(jp.mesh(), cp.mesh());
            assertTrue(cp.describe().startsWith(jp.describe()), cp.describe());
            Result got = device(cp, s, new double[3 * s.n]);
            assertAgrees("double " + cp.describe(), ref, got, 1e-10, 1e-12);
            // forces are added to what the buffer holds
            double[] f0 = new double[3 * s.n];
            for (int i = 0; i < f0.length; i++) f0[i] = 0.25 * i;
            Result added = device(cp, s, f0);
            for (int i = 0; i < f0.length; i++) assertEquals(f0[i] + got.f[i], added.f[i], 1e-12 * (1 + Math.abs(f0[i])));
            // no virial: NaN, forces still added
            cl_mem x = dev.upload(s.x), f = dev.upload(new double[3 * s.n]);
            assertTrue(Double.isNaN(cp.compute(x, f, s.box, null)));
            assertArrayEquals(got.f, dev.read(f, 3 * s.n));
            CL.clReleaseMemObject(x);
            CL.clReleaseMemObject(f);
        }
    }

    /**
     * Other orders: 4 and 2 (even: the other stencil shift), 3 and 7; meshes chosen for accuracy 1e-4, except order
     * 2 (its 180^3 mesh would make the Java reference slow): fixed 36 x 40 x 30 with g = 0.29.
     */
    @Test
    void otherOrdersMatchJavaPppm() {
        for (int order : new int[] {4, 2, 3, 7}) {
            MdState s = copy(state);
            Pppm jp = new Pppm(1e-4, CUTOFF, order);
            if (order == 2) jp.withParameters(0.29, 36, 40, 30);
            jp.setup(s);
            Result ref = java(jp, s);
            try (ClPppm cp = new ClPppm(dev.context, dev.queue, dev.device, false, 1e-4, CUTOFF, order)) {
                if (order == 2) cp.withParameters(0.29, 36, 40, 30);
                cp.setup(s);
                assertArrayEquals(jp.mesh(), cp.mesh());
                assertAgrees("double " + cp.describe(), ref, device(cp, s, new double[3 * s.n]), 1e-10, 1e-12);
            }
        }
    }

    /**
     * A fixed non-cubic mesh of 25 x 30 x 32 (radix 5, 6, 8, 4 passes; the y and z lines differ from x), through both
     * FFT paths: real transforms by z-splitting (nz even: the default here) and full complex transforms (the path of
     * odd nz), in double and mixed mode.
     */
    @Test
    void fixedMixedRadixMeshMatchesJavaPppmOnBothFftPaths() {
        MdState s = copy(state);
        Pppm jp = new Pppm(1e-5, CUTOFF).withParameters(0.31, 25, 30, 32);
        jp.setup(s);
        Result ref = java(jp, s);
        for (boolean mixed : new boolean[] {false, true}) {
            try (ClPppm cp = new ClPppm(dev.context, dev.queue, dev.device, mixed, 1e-5, CUTOFF, 5)
                    .withParameters(0.31, 25, 30, 32)) {
                cp.setup(s);
                assertArrayEquals(new int[] {25, 30, 32}, cp.mesh());
                assertTrue(cp.split, "even nz: split real transforms");
                double fTol = mixed ? 1e-4 : 1e-10, eTol = mixed ? 1e-5 : 1e-12;
                Result split = device(cp, s, new double[3 * s.n]);
                assertAgrees((mixed ? "mixed " : "double ") + cp.describe() + " split", ref, split, fTol, eTol);
                cp.split = false;
                Result full = device(cp, s, new double[3 * s.n]);
                assertAgrees((mixed ? "mixed " : "double ") + cp.describe() + " full complex", ref, full, fTol, eTol);
            }
        }
    }

    /** A coarse mesh with a large g: the influence function sums over aliasing images (nb >= 1), odd and even axes. */
    @Test
    void aliasingImagesMatchJavaPppm() {
        MdState s = copy(state);
        Pppm jp = new Pppm(1e-3, CUTOFF).withParameters(0.9, 10, 12, 9);
        jp.setup(s);
        int[] nb = jp.aliasingImages(s.box);
        assertTrue(nb[0] >= 1 && nb[2] >= 1, java.util.Arrays.toString(nb));
        Result ref = java(jp, s);
        try (ClPppm cp = new ClPppm(dev.context, dev.queue, dev.device, false, 1e-3, CUTOFF, 5)
                .withParameters(0.9, 10, 12, 9)) {
            cp.setup(s);
            assertAgrees("double " + cp.describe() + " images " + java.util.Arrays.toString(nb), ref,
                    device(cp, s, new double[3 * s.n]), 1e-10, 1e-12);
        }
    }

    /** A box that changes between calls (NPT, tension): g and mesh of setup, influence function of the new box. */
    @Test
    void changedBoxGivesJavaResultForTheNewBox() {
        MdState s = copy(state);
        Pppm jp = new Pppm(1e-5, CUTOFF);
        jp.setup(s);
        try (ClPppm cp = new ClPppm(dev.context, dev.queue, dev.device, false, 1e-5, CUTOFF, 5)) {
            cp.setup(s);
            device(cp, s, new double[3 * s.n]);
            Box b = s.box;
            double fx = 1.06, fy = 0.97, fz = 1.02;
            Box nb = new Box(b.xlo(), b.ylo(), b.zlo(), b.lx() * fx, b.ly() * fy, b.lz() * fz, 0, 0, 0, true, true, true);
            MdState t = copy(s);
            t.box = nb;
            for (int i = 0; i < t.n; i++) {
                t.x[3 * i] = b.xlo() + (s.x[3 * i] - b.xlo()) * fx;
                t.x[3 * i + 1] = b.ylo() + (s.x[3 * i + 1] - b.ylo()) * fy;
                t.x[3 * i + 2] = b.zlo() + (s.x[3 * i + 2] - b.zlo()) * fz;
            }
            Result ref = java(jp, t); // re-setup for the new box, same g and mesh
            Result got = device(cp, t, new double[3 * t.n]);
            assertArrayEquals(jp.mesh(), cp.mesh());
            assertAgrees("changed box", ref, got, 1e-10, 1e-12);
            // and back: the old box's influence function again
            Result back = device(cp, s, new double[3 * s.n]);
            assertAgrees("box restored", java(jp, copy(s)), back, 1e-10, 1e-12);
        }
    }

    @Test
    void mixedModeIsWithinSinglePrecisionAccuracy() {
        MdState s = copy(state);
        Pppm jp = new Pppm(1e-5, CUTOFF);
        jp.setup(s);
        Result ref = java(jp, s);
        try (ClPppm cp = new ClPppm(dev.context, dev.queue, dev.device, true, 1e-5, CUTOFF, 5)) {
            cp.setup(s);
            assertArrayEquals(jp.mesh(), cp.mesh());
            Result got = device(cp, s, new double[3 * s.n]);
            double err = rmsRel(got.f, ref.f);
            assertAgrees("mixed " + cp.describe(), ref, got, 1e-3, 1e-5);
            // float arithmetic really is used (a mixed mode that silently ran double would be ~1e-13), and stays
            // well below the PPPM accuracy of 1e-5 x (RMS force of a unit-charge pair) asked for
            assertTrue(err > 1e-9 && err < 1e-4, "mixed RMS force error " + err);
        }
    }

    @Test
    void sameBitsEveryCall() {
        MdState s = copy(state);
        for (boolean mixed : new boolean[] {false, true}) {
            try (ClPppm cp = new ClPppm(dev.context, dev.queue, dev.device, mixed, 1e-5, CUTOFF, 5)) {
                cp.setup(s);
                Result a = device(cp, s, new double[3 * s.n]);
                Result b = device(cp, s, new double[3 * s.n]);
                assertArrayEquals(a.f, b.f, "forces, mixed=" + mixed);
                assertEquals(a.energy, b.energy, 0.0);
                assertArrayEquals(a.virial, b.virial);
                // the assign work split does not change a bit either: whole x rows per work item (CPU default),
                // 1 and 4 mesh points per work item (4: GPU default)
                int chunk = cp.assignChunk;
                for (int c : new int[] {0, 1, 4}) {
                    cp.assignChunk = c;
                    Result r = device(cp, s, new double[3 * s.n]);
                    assertArrayEquals(a.f, r.f, "forces with assign chunk " + c + ", mixed=" + mixed);
                    assertEquals(a.energy, r.energy, 0.0);
                }
                cp.assignChunk = chunk;
            }
        }
    }

    @Test
    void triclinicBoxAndShortBuffersAreRefused() {
        Box b = state.box;
        Box tri = new Box(b.xlo(), b.ylo(), b.zlo(), b.lx(), b.ly(), b.lz(), 1.5, 0, 0, true, true, true);
        MdState t = copy(state);
        t.box = tri;
        try (ClPppm cp = new ClPppm(dev.context, dev.queue, dev.device, false, 1e-5, CUTOFF, 5)) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> cp.setup(t));
            assertTrue(e.getMessage().contains("triclinic") && e.getMessage().contains("Ewald"), e.getMessage());
            cp.setup(copy(state));
            cl_mem x = dev.upload(t.x), f = dev.upload(new double[3 * t.n]);
            e = assertThrows(UnsupportedOperationException.class, () -> cp.compute(x, f, tri, new double[6]));
            assertTrue(e.getMessage().contains("triclinic"), e.getMessage());
            // a force buffer for fewer atoms than setup had
            cl_mem small = dev.upload(new double[3 * (t.n - 1)]);
            IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                    () -> cp.compute(x, small, state.box, null));
            assertTrue(a.getMessage().contains("forces buffer") && a.getMessage().contains("768 atoms"), a.getMessage());
            CL.clReleaseMemObject(small);
            CL.clReleaseMemObject(x);
            CL.clReleaseMemObject(f);
        }
    }

    /** With JOCL's exceptions off (its default) and on (a caller may switch them on globally). */
    @Test
    void buildFailureReportsTheBuildLog() {
        String broken = "__kernel void pppm_broken(__global int* a) { a[0] = undeclared_symbol_xyz; }";
        for (boolean exceptions : new boolean[] {false, true}) {
            CL.setExceptionsEnabled(exceptions);
            try {
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> ClPppm.buildProgram(dev.context, dev.device, "pppm_broken.cl", broken, ""));
                assertTrue(e.getMessage().contains("build log") && e.getMessage().contains("undeclared_symbol_xyz")
                        && e.getMessage().contains("pppm_broken.cl"), e.getMessage());
            } finally {
                CL.setExceptionsEnabled(false);
            }
        }
    }

    @Test
    void meshTooLargeForTheDeviceNamesTheSize() {
        // 1000^3 points: each FFT buffer holds 2 x 10^9 complex doubles (32 GB), asked for first, so nothing is
        // allocated. Where the device's largest allocation is smaller (PoCL, H100) that limit refuses it; the device
        // limit is also lowered to 1 MB for a 64^3 mesh (8 MB buffers), which works on any device.
        try (ClPppm cp = new ClPppm(dev.context, dev.queue, dev.device, false, 1e-5, CUTOFF, 5)
                .withParameters(0.3, 1000, 1000, 1000)) {
            if (cp.maxAllocBytes < 32_000_000_000L) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> cp.setup(copy(state)));
                assertTrue(e.getMessage().contains("1000 x 1000 x 1000") && e.getMessage().contains("32000000000 bytes")
                        && e.getMessage().contains("out of device memory"), e.getMessage());
            }
        }
        try (ClPppm cp = new ClPppm(dev.context, dev.queue, dev.device, false, 1e-5, CUTOFF, 5)
                .withParameters(0.3, 64, 64, 64)) {
            cp.maxAllocBytes = 1 << 20;
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> cp.setup(copy(state)));
            assertTrue(e.getMessage().contains("64 x 64 x 64") && e.getMessage().contains("8388608 bytes")
                    && e.getMessage().contains("out of device memory") && e.getMessage().contains("1048576 bytes"),
                    e.getMessage());
            // a sufficient limit again: the same instance sets up and computes
            cp.maxAllocBytes = Long.MAX_VALUE;
            MdState s = copy(state);
            cp.setup(s);
            Pppm jp = new Pppm(1e-5, CUTOFF).withParameters(0.3, 64, 64, 64);
            jp.setup(s);
            assertAgrees("after a refused setup", java(jp, s), device(cp, s, new double[3 * s.n]), 1e-10, 1e-12);
        }
    }
}
