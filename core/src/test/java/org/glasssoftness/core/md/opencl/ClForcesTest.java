package org.glasssoftness.core.md.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.glasssoftness.core.md.ForceEvaluator;
import org.glasssoftness.core.md.LammpsForceComparisonTest;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.build.GlassBuilder;
import org.glasssoftness.core.md.forcefield.BoronOxygenRule;
import org.glasssoftness.core.md.forcefield.ForceField;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.kspace.Pppm;
import org.glasssoftness.core.model.Frame;
import org.junit.jupiter.api.Test;

/**
 * The OpenCL force backend against the Java backend's exact kernel on the same configuration: a 768-atom
 * 40Li2O-30B2O3-30P2O5 random packing (2.4 g/cm^3, 1.7 Å minimum separation, so O-O pairs inside the core radius
 * exercise the core), 10 Å cutoff, PPPM 1e-5 (host) for the long-range part in both.
 */
class ClForcesTest {
    static final double CUTOFF = 10.0;

    static MdState glass(int atoms, long seed) {
        ForceField ff = ForceField.dengDuLiBP();
        Frame f = GlassBuilder.randomPacking(GlassBuilder.atomCounts(composition(), atoms, ff), 2.4, 1.7, seed);
        return MdState.fromFrame(f, ff);
    }

    static Map<String, Double> composition() {
        Map<String, Double> comp = new LinkedHashMap<>();
        comp.put("Li2O", 40.0); comp.put("B2O3", 30.0); comp.put("P2O5", 30.0);
        return comp;
    }

    static PairCoefficients[][] coeffs(MdState s) {
        return ForceField.dengDuLiBP().resolve(s.speciesNames, composition(), BoronOxygenRule.PhosphateOption.COUNT_AS_SILICA);
    }

    static MdState copy(MdState s) {
        return LammpsForceComparisonTest.copy(s);
    }

    static double rmsRel(double[] a, double[] b) {
        return LammpsForceComparisonTest.rmsRel(a, b);
    }

    static double maxRel(double[] a, double[] b) {
        double rms = 0, m = 0;
        for (double v : b) rms += v * v;
        rms = Math.sqrt(rms / b.length);
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m / rms;
    }

    record Eval(double[] f, ForceEvaluator.Energies e) { }

    /** body() with the system property key set to value (cleared afterwards). */
    static <T> T withProperty(String key, String value, java.util.function.Supplier<T> body) {
        System.setProperty(key, value);
        try {
            return body.get();
        } finally {
            System.clearProperty(key);
        }
    }

    /** A ClForces built with the system property key = value fails with an IllegalArgumentException naming choices. */
    private static void assertPropertyRejected(String key, String value, String choices, PairCoefficients[][] c) {
        try (ClRuntime rt = ClTestSupport.open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withProperty(key, value,
                    () -> new ClForces(rt, false, c, CUTOFF, 2.0, (org.glasssoftness.core.md.kspace.KSpace) null, false)));
            assertTrue(e.getMessage().contains(choices), e.getMessage());
        }
    }

    static Eval java(MdState s0, PairCoefficients[][] c) {
        MdState s = copy(s0);
        try (ForceEvaluator ev = new ForceEvaluator(c, CUTOFF, 2.0, new Pppm(1e-5, CUTOFF, 5, 2), 2, false)) {
            ForceEvaluator.Energies e = ev.compute(s);
            return new Eval(s.f.clone(), e);
        }
    }

    /** The device backend with the host PPPM. */
    static Eval device(MdState s0, PairCoefficients[][] c, boolean mixed) {
        MdState s = copy(s0);
        try (ClForces cl = new ClForces(ClTestSupport.open(), true, c, CUTOFF, 2.0, new Pppm(1e-5, CUTOFF, 5, 2), mixed)) {
            ForceEvaluator.Energies e = cl.compute(s);
            return new Eval(s.f.clone(), e);
        }
    }

    /** The device backend with the device PPPM (the production path). */
    static ClForces deviceForces(PairCoefficients[][] c, boolean mixed) {
        ClRuntime rt = ClTestSupport.open();
        return new ClForces(rt, true, c, CUTOFF, 2.0, new ClPppm(rt.context(), rt.queue(), rt.device(), mixed, 1e-5,
                CUTOFF, 5), mixed);
    }

    static Eval devicePppm(MdState s0, PairCoefficients[][] c, boolean mixed) {
        MdState s = copy(s0);
        try (ClForces cl = deviceForces(c, mixed)) {
            ForceEvaluator.Energies e = cl.compute(s);
            return new Eval(s.f.clone(), e);
        }
    }

    static double virialRel(double[] a, double[] b) {
        double scale = Math.abs(b[0]) + Math.abs(b[1]) + Math.abs(b[2]), m = 0;
        for (int k = 0; k < 6; k++) m = Math.max(m, Math.abs(a[k] - b[k]));
        return m / scale;
    }

    /** Double mode = Java exact kernel: forces, energies and virial to rounding (asserted 1e-10 relative). */
    @Test
    void doubleModeMatchesTheJavaBackend() {
        MdState s = glass(768, 42);
        PairCoefficients[][] c = coeffs(s);
        Eval j = java(s, c), d = device(s, c, false);
        double fRel = maxRel(d.f(), j.f());
        double vRel = virialRel(d.e().virial(), j.e().virial());
        System.out.printf("opencl double vs java: max |dF|/rms F %.3g, evdwl %.3g ecoul %.3g elong %.3g rel, virial %.3g%n",
                fRel, rel(d.e().eVdwl(), j.e().eVdwl()), rel(d.e().eCoul(), j.e().eCoul()),
                rel(d.e().eLong(), j.e().eLong()), vRel);
        assertTrue(fRel < 1e-10, "forces " + fRel);
        assertEquals(j.e().eVdwl(), d.e().eVdwl(), 1e-10 * Math.abs(j.e().eVdwl()));
        assertEquals(j.e().eCoul(), d.e().eCoul(), 1e-10 * Math.abs(j.e().eCoul()));
        assertEquals(j.e().eLong(), d.e().eLong(), 1e-12 * Math.abs(j.e().eLong()));
        assertTrue(vRel < 1e-10, "virial " + vRel);
    }

    /** All on the device (pair + ClPppm), double: = Java exact kernel + Java PPPM to 1e-10 (forces, energies, virial). */
    @Test
    void devicePppmDoubleMatchesTheJavaBackend() {
        MdState s = glass(768, 42);
        PairCoefficients[][] c = coeffs(s);
        Eval j = java(s, c), d = devicePppm(s, c, false);
        double fRel = maxRel(d.f(), j.f());
        double vRel = virialRel(d.e().virial(), j.e().virial());
        System.out.printf("opencl double + device PPPM vs java: max |dF|/rms F %.3g, elong %.3g rel, pe %.3g rel, virial %.3g%n",
                fRel, rel(d.e().eLong(), j.e().eLong()), rel(d.e().pe(), j.e().pe()), vRel);
        assertTrue(fRel < 1e-10, "forces " + fRel);
        assertEquals(j.e().eLong(), d.e().eLong(), 1e-10 * Math.abs(j.e().eLong()));
        assertEquals(j.e().pe(), d.e().pe(), 1e-10 * Math.abs(j.e().pe()));
        assertTrue(vRel < 1e-10, "virial " + vRel);
        Eval m = devicePppm(s, c, true);
        double mRel = rmsRel(m.f(), j.f());
        System.out.printf("opencl mixed + device PPPM vs java: rms rel force %.3g, pe rel %.3g%n", mRel, rel(m.e().pe(), j.e().pe()));
        assertTrue(mRel < 1e-3 && mRel > 1e-12, "mixed RMS force difference " + mRel);
    }

    /**
     * Tabulated pair kernel (double, host PPPM) = the Java tabulated kernel (pair/CoulombTable) to rounding: forces and
     * virial 1e-12, energies 1e-12 relative; and it is really the table: differs from the exact kernel by more than
     * 1e-12 but less than 1e-8 (the tables' ~2e-9). Mixed + tables + device PPPM: RMS force within the issue's 1e-3.
     */
    @Test
    void tabulatedKernelMatchesTheJavaTabulatedKernel() {
        onTheFullList(this::tabulatedKernelOnTheFullList);
    }

    /** Runs {@code body} with the full list: the tables are full-list options (the half list computes exactly). */
    private static void onTheFullList(Runnable body) {
        withProperty(ClForces.PAIR_LIST_PROPERTY, "full", () -> {
            body.run();
            return null;
        });
    }

    private void tabulatedKernelOnTheFullList() {
        MdState s = glass(768, 42);
        PairCoefficients[][] c = coeffs(s);
        MdState sj = copy(s);
        Eval j;
        try (ForceEvaluator ev = new ForceEvaluator(c, CUTOFF, 2.0, new Pppm(1e-5, CUTOFF, 5, 2), 2, true)) {
            ForceEvaluator.Energies e = ev.compute(sj);
            j = new Eval(sj.f.clone(), e);
        }
        MdState sd = copy(s);
        Eval d;
        try (ClForces cl = new ClForces(ClTestSupport.open(), true, c, CUTOFF, 2.0, new Pppm(1e-5, CUTOFF, 5, 2), false)) {
            cl.setTabulated(true);
            ForceEvaluator.Energies e = cl.compute(sd);
            d = new Eval(sd.f.clone(), e);
        }
        Eval exact = device(s, c, false);
        double fRel = maxRel(d.f(), j.f()), vRel = virialRel(d.e().virial(), j.e().virial());
        double fExact = maxRel(d.f(), exact.f());
        System.out.printf("opencl tabulated double vs java tabulated: max |dF|/rms F %.3g, evdwl %.3g ecoul %.3g rel, "
                        + "virial %.3g; vs exact kernel %.3g%n", fRel, rel(d.e().eVdwl(), j.e().eVdwl()),
                rel(d.e().eCoul(), j.e().eCoul()), vRel, fExact);
        assertTrue(fRel < 1e-12, "forces " + fRel);
        assertEquals(j.e().eVdwl(), d.e().eVdwl(), 1e-12 * Math.abs(j.e().eVdwl()));
        assertEquals(j.e().eCoul(), d.e().eCoul(), 1e-12 * Math.abs(j.e().eCoul()));
        assertTrue(vRel < 1e-12, "virial " + vRel);
        assertTrue(fExact > 1e-12 && fExact < 1e-8, "tabulated vs exact kernel " + fExact);
        MdState sm = copy(s);
        try (ClForces cl = deviceForces(c, true)) {
            cl.setTabulated(true);
            ForceEvaluator.Energies e = cl.compute(sm);
            double mRel = rmsRel(sm.f, j.f());
            System.out.printf("opencl mixed tabulated + device PPPM vs java tabulated: rms rel force %.3g, pe rel %.3g%n",
                    mRel, rel(e.pe(), j.e().pe()));
            assertTrue(mRel < 1e-3 && mRel > 1e-12, "mixed tabulated RMS force difference " + mRel);
            assertEquals(j.e().pe(), e.pe(), 3e-5 * Math.abs(j.e().pe()));
        }
    }

    /**
     * Both layouts of the full list (atom-major; neighbour-major, the GPU default) hold the same entries in the same
     * order, so forces, energies and virial are bit-identical, double and mixed; and both equal the Java exact kernel
     * to 1e-10 (double). With the neighbour-major full list and the exact kernel in mixed mode (as on a GPU) the
     * issue's mixed bound (RMS 1e-3) holds too: the GPU's default configuration, exercised on the CPU device.
     */
    @Test
    void bothListLayoutsGiveIdenticalForces() {
        MdState s = glass(768, 42);
        PairCoefficients[][] c = coeffs(s);
        Eval j = java(s, c);
        for (boolean mixed : new boolean[] {false, true}) {
            Eval[] r = new Eval[2];
            String[] layouts = {"atom", "neighbour"};
            for (int l = 0; l < 2; l++) {
                boolean m = mixed;
                String layout = layouts[l];
                r[l] = withProperty(ClForces.PAIR_LIST_PROPERTY, "full",
                        () -> withProperty(ClForces.LAYOUT_PROPERTY, layout, () -> devicePppm(s, c, m)));
            }
            assertArrayEquals(r[0].f(), r[1].f(), "forces, mixed=" + mixed);
            assertEquals(r[0].e().pe(), r[1].e().pe(), 0.0);
            assertArrayEquals(r[0].e().virial(), r[1].e().virial());
            if (!mixed) for (Eval e : r) assertTrue(maxRel(e.f(), j.f()) < 1e-10, "forces vs java " + maxRel(e.f(), j.f()));
        }
        Eval gpu = withProperty(ClForces.PAIR_LIST_PROPERTY, "full", () -> withProperty(ClForces.LAYOUT_PROPERTY,
                "neighbour", () -> withProperty(ClForces.COULOMB_TABLE_PROPERTY, "false", () -> devicePppm(s, c, true))));
        assertTrue(rmsRel(gpu.f(), j.f()) < 1e-3 && rmsRel(gpu.f(), j.f()) > 1e-12, "GPU configuration, mixed: RMS "
                + rmsRel(gpu.f(), j.f()));
        assertPropertyRejected(ClForces.LAYOUT_PROPERTY, "diagonal", "atom or neighbour", c);
    }

    /** The device backend (device PPPM, or none when cutoff is not CUTOFF) with the pair list forced. */
    private static Eval withPairList(String list, MdState s0, PairCoefficients[][] c, boolean mixed, double cutoff) {
        return withProperty(ClForces.PAIR_LIST_PROPERTY, list, () -> {
            MdState s = copy(s0);
            ClRuntime rt = ClTestSupport.open();
            ClPppm pppm = cutoff == CUTOFF ? new ClPppm(rt.context(), rt.queue(), rt.device(), mixed, 1e-5, CUTOFF, 5) : null;
            try (ClForces cl = pppm != null ? new ClForces(rt, true, c, cutoff, 2.0, pppm, mixed)
                    : new ClForces(rt, true, c, cutoff, 2.0, (org.glasssoftness.core.md.kspace.KSpace) null, mixed)) {
                assertEquals(list.equals("half"), cl.halfList());
                ForceEvaluator.Energies e = cl.compute(s);
                return new Eval(s.f.clone(), e);
            }
        });
    }

    /**
     * The half list (each pair once, reactions added through per-chunk force copies; the CPU default) adds the full
     * list's per-pair terms (exact path) in another order: forces, energies and virial agree to summation rounding in
     * double (1e-13 relative) and to float rounding in mixed (forces 1e-4, energies and virial 1e-5), and double mode
     * equals the Java exact kernel to 1e-10. Also for a small box
     * whose lists hold several images of one atom and pairs of an atom with its own image (the owner rule's special
     * case), and a repeat is bit-identical.
     */
    @Test
    void halfListEqualsTheFullList() {
        MdState s = glass(768, 42);
        PairCoefficients[][] c = coeffs(s);
        Eval j = java(s, c);
        for (boolean mixed : new boolean[] {false, true}) {
            // the full list without its Coulomb table (the mixed default on CPUs), so that both compute the exact terms
            Eval h = withPairList("half", s, c, mixed, CUTOFF), f = withProperty(ClForces.COULOMB_TABLE_PROPERTY, "false",
                    () -> withPairList("full", s, c, mixed, CUTOFF));
            System.out.printf("half vs full list (mixed=%b): max rel force %.3g, pe %.3g%n", mixed, maxRel(h.f(), f.f()),
                    rel(h.e().pe(), f.e().pe()));
            // double: the same operations per pair; mixed: the half list takes its differences from float positions
            // (the full list from double ones), so the bound is float's (here 4.2e-6 forces, 1e-6 energies)
            double tol = mixed ? 1e-4 : 1e-13, tolE = mixed ? 1e-5 : 1e-13;
            assertTrue(maxRel(h.f(), f.f()) < tol, "forces half vs full " + maxRel(h.f(), f.f()));
            assertTrue(maxRel(h.f(), f.f()) > 0 || mixed, "the two schemes sum in different orders");
            assertEquals(f.e().eVdwl(), h.e().eVdwl(), tolE * Math.abs(f.e().eVdwl()));
            assertEquals(f.e().eCoul(), h.e().eCoul(), tolE * Math.abs(f.e().eCoul()));
            assertEquals(f.e().eLong(), h.e().eLong(), 0.0); // same PPPM on the same positions
            assertTrue(virialRel(h.e().virial(), f.e().virial()) < tolE);
            if (!mixed) assertTrue(maxRel(h.f(), j.f()) < 1e-10, "half list vs java " + maxRel(h.f(), j.f()));
            Eval again = withPairList("half", s, c, mixed, CUTOFF);
            assertArrayEquals(h.f(), again.f());
            assertArrayEquals(h.e().virial(), again.e().virial());
        }
        MdState small = glass(300, 5); // box 14.9 Å < 2 (cutoff 7 + skin 2): self-image pairs in the lists
        MdState a = copy(small);
        try (ForceEvaluator ev = new ForceEvaluator(coeffs(small), 7.0, 2.0, null, 1, false)) { ev.compute(a); }
        Eval h = withPairList("half", small, coeffs(small), false, 7.0), f = withPairList("full", small, coeffs(small), false, 7.0);
        assertTrue(maxRel(h.f(), f.f()) < 1e-13, "small box half vs full " + maxRel(h.f(), f.f()));
        assertTrue(maxRel(h.f(), a.f) < 1e-10, "small box half vs java " + maxRel(h.f(), a.f));
        assertEquals(f.e().pe(), h.e().pe(), 1e-13 * Math.abs(f.e().pe()));
        assertPropertyRejected(ClForces.PAIR_LIST_PROPERTY, "quarter", "half or full", c);
    }

    /**
     * The full-list kernel with 4 and 8 work items per atom (lanes splitting each atom's list, their sums added in lane
     * order in local memory; the GPU option) gives the one-work-item kernel's forces, energies and virial to summation
     * rounding (1e-13 relative), in both layouts and both precisions, and repeats bit for bit; other counts are refused.
     * On PoCL only correctness: the option is for GPUs.
     */
    @Test
    void threadsPerAtomGiveTheSameForces() {
        MdState s = glass(768, 42);
        PairCoefficients[][] c = coeffs(s);
        // (precision, layout, work items per atom): both layouts in double, both precisions atom-major
        String[][] cases = {{"double", "atom", "4"}, {"double", "atom", "8"}, {"double", "neighbour", "8"},
            {"mixed", "atom", "8"}};
        for (String[] k : cases) {
            boolean mixed = k[0].equals("mixed");
            String layout = k[1], tpa = k[2];
            Eval one = withProperty(ClForces.LAYOUT_PROPERTY, layout, () -> withPairList("full", s, c, mixed, CUTOFF));
            java.util.function.Supplier<Eval> run = () -> withProperty(ClForces.THREADS_PER_ATOM_PROPERTY, tpa,
                    () -> withProperty(ClForces.LAYOUT_PROPERTY, layout, () -> withPairList("full", s, c, mixed, CUTOFF)));
            Eval e = run.get();
            String what = tpa + " per atom, " + layout + ", " + k[0];
            assertTrue(maxRel(e.f(), one.f()) < 1e-13, what + ": " + maxRel(e.f(), one.f()));
            assertTrue(maxRel(e.f(), one.f()) > 0 || mixed, what + ": lanes sum in another order");
            assertEquals(one.e().eVdwl(), e.e().eVdwl(), 1e-13 * Math.abs(one.e().eVdwl()), what);
            assertEquals(one.e().eCoul(), e.e().eCoul(), 1e-13 * Math.abs(one.e().eCoul()), what);
            assertTrue(virialRel(e.e().virial(), one.e().virial()) < 1e-13, what);
            if (k == cases[0]) assertArrayEquals(e.f(), run.get().f(), what + ": repeat");
        }
        assertPropertyRejected(ClForces.THREADS_PER_ATOM_PROPERTY, "3", "power of two", c);
    }

    /**
     * The half list's chunks (fixed ranges of atoms, each with its own force copy, summed in chunk order): one chunk,
     * the default (8 per compute unit) and an odd count whose ranges split cells give the same forces, energies and
     * virial to summation rounding (1e-13 relative), so every reaction reaches its atom whichever chunk computes it.
     */
    @Test
    void halfListChunksAddUpToTheSameForces() {
        MdState s = glass(768, 42);
        PairCoefficients[][] c = coeffs(s);
        Eval one = withProperty(ClForces.CHUNKS_PROPERTY, "1", () -> withPairList("half", s, c, false, CUTOFF));
        Eval standard = withPairList("half", s, c, false, CUTOFF);
        Eval odd = withProperty(ClForces.CHUNKS_PROPERTY, "7", () -> withPairList("half", s, c, false, CUTOFF));
        for (Eval e : new Eval[] {standard, odd}) {
            assertTrue(maxRel(e.f(), one.f()) < 1e-13, "chunks vs one chunk " + maxRel(e.f(), one.f()));
            assertEquals(one.e().eVdwl(), e.e().eVdwl(), 1e-13 * Math.abs(one.e().eVdwl()));
            assertEquals(one.e().eCoul(), e.e().eCoul(), 1e-13 * Math.abs(one.e().eCoul()));
            assertTrue(virialRel(e.e().virial(), one.e().virial()) < 1e-13);
        }
        assertTrue(maxRel(odd.f(), one.f()) > 0, "different chunkings sum in different orders");
    }

    /**
     * Atoms renumbered in cell order on the device (the default) vs kept in the caller's order: the device order is a
     * true permutation that puts neighbours together (consecutive device atoms sit in the same or adjacent cells far
     * more often than in the random packing's order), and forces (in the caller's order), energies and virial agree to
     * summation rounding (1e-13 relative); image flags and positions come back in the caller's order after a
     * device-resident NVT run with list rebuilds (checked against the same run without renumbering to 1e-9 Å).
     */
    @Test
    void spatialOrderRenumbersOnlyTheDevice() {
        MdState s = glass(768, 42);
        PairCoefficients[][] c = coeffs(s);
        Eval plain = withProperty(ClForces.SPATIAL_ORDER_PROPERTY, "false", () -> devicePppm(s, c, false));
        MdState t = copy(s);
        try (ClForces cl = deviceForces(c, false)) {
            ForceEvaluator.Energies e = cl.compute(t);
            int[] order = cl.deviceOrder();
            int[] seen = new int[s.n];
            for (int k : order) seen[k]++;
            for (int v : seen) assertEquals(1, v, "a permutation");
            assertTrue(meanStep(s, order) < 0.5 * meanStep(s, null), "device order is spatially coherent: "
                    + meanStep(s, order) + " vs " + meanStep(s, null) + " Å between consecutive atoms");
            assertTrue(maxRel(t.f, plain.f()) < 1e-13, "forces " + maxRel(t.f, plain.f()));
            assertEquals(plain.e().pe(), e.pe(), 1e-13 * Math.abs(plain.e().pe()));
            assertTrue(virialRel(e.virial(), plain.e().virial()) < 1e-13);
        }
        MdState a = copy(s), b = copy(s);
        org.glasssoftness.core.md.integrate.VelocityInit.create(a, 2000, 4);
        org.glasssoftness.core.md.integrate.VelocityInit.create(b, 2000, 4);
        java.util.function.ToLongFunction<MdState> nvt = st -> {
            try (ClForces cl = deviceForces(c, false)) {
                ClVelocityVerlet vv = new ClVelocityVerlet(cl, 0.001, new org.glasssoftness.core.md.integrate.NoseHooverChain(2000, 2000, 0.1));
                vv.setup(st);
                vv.run(st, 150, null, null, step -> false);
                return cl.builds();
            }
        };
        long builds = nvt.applyAsLong(a);
        withProperty(ClForces.SPATIAL_ORDER_PROPERTY, "false", () -> nvt.applyAsLong(b));
        assertTrue(builds >= 3, "list rebuilds (renumberings) in the run: " + builds);
        assertArrayEquals(b.image, a.image);
        double dx = 0;
        double[] ua = a.unwrappedPositions(), ub = b.unwrappedPositions();
        for (int k = 0; k < ua.length; k++) dx = Math.max(dx, Math.abs(ua[k] - ub[k]));
        assertTrue(dx < 1e-9, "positions after 150 steps, renumbered vs not: " + dx + " Å");
    }

    /** Mean minimum-image distance (Å) between consecutive atoms of an order (null: the index order). */
    private static double meanStep(MdState s, int[] order) {
        double sum = 0;
        for (int k = 1; k < s.n; k++) {
            int i = order == null ? k - 1 : order[k - 1], j = order == null ? k : order[k];
            double r2 = 0;
            double[] l = {s.box.lx(), s.box.ly(), s.box.lz()};
            for (int d = 0; d < 3; d++) {
                double dd = s.x[3 * i + d] - s.x[3 * j + d];
                dd -= l[d] * Math.rint(dd / l[d]);
                r2 += dd * dd;
            }
            sum += Math.sqrt(r2);
        }
        return sum / (s.n - 1);
    }

    /**
     * Out of device memory (here a memory budget of 400 kB, and separately a largest allocation of 200 kB, set on the
     * object as a smaller device would report them): a clear error naming the device, the atom count and the system
     * size that fits, M; then a system of 0.9 M atoms (same density) runs with that budget and one of 1.5 M does not,
     * so M is the real capacity within its 20 % margin. The object is reusable after the failure.
     */
    @Test
    void outOfDeviceMemoryNamesTheSystemSizeThatFits() {
        for (boolean allocLimit : new boolean[] {false, true}) {
            MdState s = glass(768, 42);
            PairCoefficients[][] c = coeffs(s);
            try (ClForces cl = new ClForces(ClTestSupport.open(), true, c, 5.0, 1.0, (org.glasssoftness.core.md.kspace.KSpace) null, false)) {
                if (allocLimit) cl.maxAllocBytes = 200_000;
                else cl.memoryBudgetBytes = 400_000;
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> cl.compute(copy(s)));
                System.out.println(e.getMessage());
                assertTrue(e.getMessage().startsWith("out of device memory on OpenCL") && e.getMessage().contains(
                        "with " + s.n + " atoms"), e.getMessage());
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("a system of about (\\d+) atoms fits")
                        .matcher(e.getMessage());
                assertTrue(m.find(), e.getMessage());
                int fits = Integer.parseInt(m.group(1));
                assertTrue(fits > 100 && fits < s.n, "fits " + fits);
                MdState small = glass((int) (0.9 * fits), 42);
                assertTrue(small.n <= fits);
                ForceEvaluator.Energies en = cl.compute(small);
                assertTrue(Double.isFinite(en.pe()));
                MdState large = glass((int) (1.5 * fits), 42);
                assertThrows(IllegalStateException.class, () -> cl.compute(large), "1.5x the size that fits");
            }
        }
    }

    /**
     * Coulomb-table kernel (the default for mixed precision on CPU devices with the full list; the half list refuses
     * it): in double mode it equals the Java exact
     * kernel to the table's interpolation error (asserted below 1e-8 relative, and above rounding so the table is
     * really used); in mixed mode the issue's 1e-3 RMS bound holds with it (mixedModeIsWithinTheIssueBound runs with
     * the default). forcesOnly (no energies) gives the same forces bit for bit.
     */
    @Test
    void coulombTableKernelMatchesTheExactKernel() {
        onTheFullList(this::coulombTableKernelOnTheFullList);
        PairCoefficients[][] c = coeffs(glass(768, 42));
        withProperty(ClForces.PAIR_LIST_PROPERTY, "half", () -> {
            try (ClForces cl = deviceForces(c, true)) {
                assertTrue(!cl.coulombTable(), "the half list has no table");
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> cl.setCoulombTable(true));
                assertTrue(e.getMessage().contains("full list"), e.getMessage());
                assertThrows(IllegalStateException.class, () -> cl.setTabulated(true));
            }
            return null;
        });
    }

    private void coulombTableKernelOnTheFullList() {
        MdState s = glass(768, 42);
        PairCoefficients[][] c = coeffs(s);
        Eval j = java(s, c);
        MdState t = copy(s);
        try (ClForces cl = new ClForces(ClTestSupport.open(), true, c, CUTOFF, 2.0, new Pppm(1e-5, CUTOFF, 5, 2), false)) {
            assertTrue(!cl.coulombTable(), "off by default in double mode");
            cl.setCoulombTable(true);
            ForceEvaluator.Energies e = cl.compute(t);
            assertTrue(cl.describe().contains("coulomb-table"), cl.describe());
            System.out.printf("coulomb table (double) vs java exact: max rel force %.3g, pe %.3g%n", maxRel(t.f, j.f()),
                    rel(e.pe(), j.e().pe()));
            assertTrue(maxRel(t.f, j.f()) < 1e-8, "forces " + maxRel(t.f, j.f()));
            assertTrue(maxRel(t.f, j.f()) > 1e-13, "the table is used: " + maxRel(t.f, j.f()));
            assertEquals(j.e().pe(), e.pe(), 1e-8 * Math.abs(j.e().pe()));
        }
        try (ClForces cl = deviceForces(c, true)) {
            assertEquals(cl.runtime().info().typeName().equals("CPU"), cl.coulombTable(), "default: mixed on CPUs");
            MdState a = copy(s), b = copy(s);
            cl.compute(a);
            cl.forcesOnly(b);
            assertArrayEquals(a.f, b.f, "forcesOnly = compute");
            assertTrue(rmsRel(a.f, j.f()) < 1e-3, "mixed + coulomb table RMS " + rmsRel(a.f, j.f()));
        }
    }

    private static double rel(double a, double b) { return Math.abs(a - b) / Math.abs(b); }

    /** Mixed mode: RMS force difference / RMS force below 1e-3 (the issue's bound), energy below 3e-5 relative. */
    @Test
    void mixedModeIsWithinTheIssueBound() {
        MdState s = glass(768, 42);
        PairCoefficients[][] c = coeffs(s);
        Eval j = java(s, c), m = device(s, c, true);
        double fRel = rmsRel(m.f(), j.f());
        System.out.printf("opencl mixed vs java: rms rel force %.3g, pe rel %.3g, virial %.3g%n", fRel,
                rel(m.e().pe(), j.e().pe()), virialRel(m.e().virial(), j.e().virial()));
        assertTrue(fRel < 1e-3, "mixed RMS force difference " + fRel);
        assertTrue(fRel > 1e-12, "mixed mode must actually compute in float: " + fRel);
        assertEquals(j.e().pe(), m.e().pe(), 3e-5 * Math.abs(j.e().pe())); // measured 6e-6 (float erfc/exp per pair)
        assertTrue(virialRel(m.e().virial(), j.e().virial()) < 1e-4);
    }

    /** The same call twice, and a second device instance: bit-identical forces and energies. */
    @Test
    void deterministic() {
        MdState s = glass(768, 3);
        PairCoefficients[][] c = coeffs(s);
        Eval a = device(s, c, false), b = device(s, c, false);
        assertArrayEquals(a.f(), b.f());
        assertEquals(a.e().eVdwl(), b.e().eVdwl(), 0.0);
        assertEquals(a.e().eCoul(), b.e().eCoul(), 0.0);
        assertEquals(a.e().eLong(), b.e().eLong(), 0.0);
        assertArrayEquals(a.e().virial(), b.e().virial());
    }

    /** A small box (stencil wraps; several images of one atom in the list) without k-space: Java = device. */
    @Test
    void smallBoxWithoutKspaceMatchesJava() {
        MdState s = glass(300, 5); // box 14.9 Å: cutoff 7 + skin 2 = 9 Å exceeds half the box
        PairCoefficients[][] c = coeffs(s);
        MdState a = copy(s), b = copy(s);
        double peJ, peD;
        try (ForceEvaluator ev = new ForceEvaluator(c, 7.0, 2.0, null, 1, false)) { peJ = ev.compute(a).pe(); }
        try (ClForces cl = new ClForces(ClTestSupport.open(), true, c, 7.0, 2.0, (org.glasssoftness.core.md.kspace.KSpace) null, false)) { peD = cl.compute(b).pe(); }
        assertTrue(s.box.lx() < 2 * 9.0, "box " + s.box.lx());
        assertTrue(maxRel(b.f, a.f) < 1e-10, "forces " + maxRel(b.f, a.f));
        assertEquals(peJ, peD, 1e-10 * Math.abs(peJ));
    }

    @Test
    void overlappingAtomsAndSmallBoxesAreReportedClearly() {
        MdState s = glass(768, 42);
        PairCoefficients[][] c = coeffs(s);
        s.x[3] = s.x[0] + 0.1; s.x[4] = s.x[1]; s.x[5] = s.x[2];
        try (ClForces cl = new ClForces(ClTestSupport.open(), true, c, CUTOFF, 2.0, (org.glasssoftness.core.md.kspace.KSpace) null, false)) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> cl.compute(s));
            assertTrue(e.getMessage().contains("ids 1 and 2") && e.getMessage().contains("overlapping"), e.getMessage());
        }
        try (ClForces cl = new ClForces(ClTestSupport.open(), true, c, 10.5 + 5, 2.0, (org.glasssoftness.core.md.kspace.KSpace) null, false)) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> cl.compute(copy(glass(768, 42))));
            assertTrue(e.getMessage().contains("twice the cutoff"), e.getMessage());
        }
    }

    /** A kernel that does not compile: the exception carries the device's build log with the compiler's complaint. */
    @Test
    void buildFailureReportsTheBuildLog() {
        MdState s = glass(300, 5);
        String broken = ClRuntime.resource("md.cl").replace("double closest = 1e300;", "double closest = undeclared_symbol_xyz;");
        ClRuntime rt = ClTestSupport.open();
        try {
            ClBuildException e = assertThrows(ClBuildException.class,
                    () -> new ClForces(rt, false, coeffs(s), 8.0, 2.0, null, null, false, broken));
            assertTrue(e.getMessage().contains("build log") && e.getMessage().contains("undeclared_symbol_xyz"), e.getMessage());
        } finally {
            rt.close();
        }
    }

    /**
     * The auto backend takes the best OpenCL device, CPU devices included (GPU, accelerator, then CPU; PoCL is listed
     * here because the build preloads libjsig), without a warning; a device forced by name is taken too.
     */
    @Test
    void autoBackendTakesTheBestDevice() {
        MdState s = glass(300, 3);
        org.glasssoftness.core.md.protocol.MdSettings auto = new org.glasssoftness.core.md.protocol.MdSettings(
                6.0, 1.0, "pppm", 1e-4, 0.001, 1, 0, 1, "auto", "double");
        java.util.List<ClRuntime.DeviceInfo> devices = ClRuntime.devices();
        ClRuntime.DeviceInfo best = devices.stream().min(java.util.Comparator.comparingInt(ClRuntime.DeviceInfo::rank))
                .orElseThrow();
        try (org.glasssoftness.core.md.protocol.MdSimulation sim =
                     new org.glasssoftness.core.md.protocol.MdSimulation(copy(s), coeffs(s), auto)) {
            assertEquals("opencl", sim.backend(), sim.backendDescription());
            assertTrue(sim.backendDescription().contains(best.name()), sim.backendDescription());
            assertEquals(null, sim.backendWarning());
        }
        String last = devices.get(devices.size() - 1).name();
        try (org.glasssoftness.core.md.protocol.MdSimulation sim =
                     new org.glasssoftness.core.md.protocol.MdSimulation(copy(s), coeffs(s), auto, last)) {
            assertEquals("opencl", sim.backend(), sim.backendDescription());
            assertTrue(sim.backendDescription().contains(last), sim.backendDescription());
        }
    }


    /** A device name that matches nothing: OpenClUnavailableException naming the filter and the devices there are. */
    @Test
    void unknownDeviceIsUnavailableWithAClearMessage() {
        ClTestSupport.open().close(); // there is a device at all
        OpenClUnavailableException e = assertThrows(OpenClUnavailableException.class,
                () -> ClRuntime.open("no-such-device-xyz"));
        assertTrue(e.getMessage().contains("no OpenCL device matches 'no-such-device-xyz'"), e.getMessage());
    }
}
