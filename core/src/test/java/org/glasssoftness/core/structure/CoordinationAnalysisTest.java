package org.glasssoftness.core.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Elements;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.TestFrames;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.ResultTable;
import org.junit.jupiter.api.Test;

class CoordinationAnalysisTest {
    private static final double TETRA = Math.toDegrees(Math.acos(-1.0 / 3));

    private static double[] add(double[] p, double s, double[] u) {
        return new double[] {p[0] + s * u[0], p[1] + s * u[1], p[2] + s * u[2]};
    }

    private static double[] unit(double x, double y, double z) {
        double n = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / n, y / n, z / n};
    }

    /**
     * Hand-built LiBP fragment in a 30 Å box: a PO4 tetrahedron (P-O 1.55 Å) whose O1 also bonds a trigonal B
     * (B-O 1.45 Å, O-B-O 120°), a separate BO4 tetrahedron (B-O 1.50 Å) and a lone Li. Species order Li, B, O, P.
     */
    static Frame fragment() {
        List<double[]> pos = new ArrayList<>();
        List<Integer> sp = new ArrayList<>();
        double[][] tet = {unit(1, 1, 1), unit(1, -1, -1), unit(-1, 1, -1), unit(-1, -1, 1)};
        double[] p = {10, 10, 10};
        pos.add(p); sp.add(3);
        for (double[] u : tet) { pos.add(add(p, 1.55, u)); sp.add(2); }
        double[] b1 = add(p, 3.0, tet[0]); // P-O1-B1 collinear, O1-B1 = 1.45
        pos.add(b1); sp.add(1);
        double[] m = {-tet[0][0], -tet[0][1], -tet[0][2]}; // direction B1 -> O1
        double[] n = unit(1, -1, 0); // perpendicular to tet[0]
        double[] nxm = {n[1] * m[2] - n[2] * m[1], n[2] * m[0] - n[0] * m[2], n[0] * m[1] - n[1] * m[0]};
        for (double th : new double[] {120, 240}) {
            double c = Math.cos(Math.toRadians(th)), s = Math.sin(Math.toRadians(th));
            double[] v = {c * m[0] + s * nxm[0], c * m[1] + s * nxm[1], c * m[2] + s * nxm[2]};
            pos.add(add(b1, 1.45, v)); sp.add(2);
        }
        double[] b2 = {20, 20, 20};
        pos.add(b2); sp.add(1);
        for (double[] u : tet) { pos.add(add(b2, 1.5, u)); sp.add(2); }
        pos.add(new double[] {4, 24, 5}); sp.add(0);
        double[] x = new double[3 * pos.size()];
        int[] s = new int[pos.size()];
        for (int i = 0; i < pos.size(); i++) {
            System.arraycopy(pos.get(i), 0, x, 3 * i, 3);
            s[i] = sp.get(i);
        }
        return TestFrames.frame(Box.cubic(30), List.of("Li", "B", "O", "P"), s, x);
    }

    @Test
    void handBuiltFragmentGivesKnownCoordinationQnAnglesAndDensities() {
        Frame f = fragment();
        CoordinationAnalysis.Settings st = CoordinationAnalysis.Settings.defaults()
                .withComposition(Composition.parse("Li2O=40,B2O3=30,P2O5=30")).withThreads(2);
        CoordinationResult res = new CoordinationAnalysis(st).compute(f);
        ResultTable atoms = res.table("coordination_atoms");
        assertEquals(14, atoms.rowCount());
        int[] cn = atoms.column("cn").ints();
        // atoms: 0 P, 1-4 O of P, 5 B1, 6-7 O of B1, 8 B2, 9-12 O of B2, 13 Li
        assertArrayEquals(new int[] {4, 2, 1, 1, 1, 3, 1, 1, 4, 1, 1, 1, 1, 0}, cn);
        assertArrayEquals(new int[] {0, 1, 0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 0}, atoms.column("cn_B").ints());
        assertArrayEquals(new int[] {1, -1, -1, -1, -1, 1, -1, -1, 0, -1, -1, -1, -1, -1},
                atoms.column("n_bridging").ints());
        assertArrayEquals(new int[] {-1, 1, 0, 0, 0, -1, 0, 0, -1, 0, 0, 0, 0, -1}, atoms.column("bridging").ints());
        assertEquals(1.55, atoms.column("bond_length_mean_A").doubles()[0], 1e-12);
        assertEquals(1.50, atoms.column("bond_length_mean_A").doubles()[1], 1e-12); // O1: (1.55 + 1.45) / 2
        assertTrue(Double.isNaN(atoms.column("bond_length_mean_A").doubles()[13]));

        assertEquals(0.5, res.summaryValue("fraction_[3]B"), 1e-15);
        assertEquals(0.5, res.summaryValue("fraction_[4]B"), 1e-15);
        assertEquals(1.45, res.summaryValue("bond_length_[3]B"), 1e-12);
        assertEquals(1.50, res.summaryValue("bond_length_[4]B"), 1e-12);
        assertEquals(1.55, res.summaryValue("bond_length_[4]P"), 1e-12);
        assertEquals(3.5, res.summaryValue("mean_cn_B"), 1e-15);
        assertEquals(1.0, res.summaryValue("fraction_Q1_P"), 1e-15);
        assertEquals(TETRA, res.summaryValue("mean_angle_O-P-O"), 1e-9);
        assertEquals((3 * 120 + 6 * TETRA) / 9, res.summaryValue("mean_angle_O-B-O"), 1e-9);
        ResultTable ang = res.table("bond_angles");
        double[] pB = ang.column("p_O-B-O_deg-1").doubles();
        assertEquals(3.0 / 9, pB[119] + pB[120], 1e-15); // exactly 120° lands either side of the bin edge
        assertEquals(6.0 / 9, pB[(int) TETRA], 1e-15);

        double v = 27000;
        double mass = 1 * Elements.mass("Li") + 2 * Elements.mass("B") + 10 * Elements.mass("O") + Elements.mass("P");
        assertEquals(14 / v, res.summaryValue("number_density"), 1e-15);
        double rho = mass / 6.02214076e23 / (v * 1e-24);
        assertEquals(rho, res.summaryValue("mass_density"), 1e-12);
        assertEquals(6.02214076e23 * v * 1e-24 / 14, res.summaryValue("molar_volume_per_atom"), 1e-9);
        double mFu = 0.8 * Elements.mass("Li") + 0.6 * Elements.mass("B") + 0.6 * Elements.mass("P") + 2.8 * Elements.mass("O");
        assertEquals(mFu / rho, res.summaryValue("molar_volume"), 1e-9);
    }

    @Test
    void genericTripletAndUserCutoffs() {
        CoordinationAnalysis.Settings st = CoordinationAnalysis.Settings.defaults()
                .withAngleTriplets(List.of("P-O-B")).withThreads(1);
        CoordinationResult res = new CoordinationAnalysis(st).compute(fragment());
        assertEquals(180.0, res.summaryValue("mean_angle_P-O-B"), 1e-6);
        // a B-O cutoff of 1.47 Å drops the 1.50 Å bonds of the tetrahedral B: it becomes [0]B
        st = st.withCutoffs(BondCutoffs.parse("B-O=1.47,P-O=2.0")).withAngleTriplets(List.of());
        res = new CoordinationAnalysis(st).compute(fragment());
        assertEquals(0.5, res.summaryValue("fraction_[0]B"), 1e-15);
        assertEquals(0.5, res.summaryValue("fraction_[3]B"), 1e-15);
    }

    @Test
    void rockSaltIsSixfoldAlsoInATriclinicCell() throws Exception {
        double a = 5.64;
        BondCutoffs cut = BondCutoffs.parse("Na-Cl=3.5");
        CoordinationAnalysis an = new CoordinationAnalysis(CoordinationAnalysis.Settings.defaults().withCutoffs(cut)
                .withAngleTriplets(List.of("Cl-Na-Cl")));
        Frame cubic = TestFrames.rockSalt(Box.cubic(3 * a), a, "Na", "Cl");
        Frame tric = TestFrames.rockSalt(new Box(0, 0, 0, 3 * a, 3 * a, 3 * a, a, 0, a, true, true, true), a, "Na", "Cl");
        assertEquals(216, tric.atomCount());
        Trajectory t = Trajectory.of(List.of(cubic, tric));
        CoordinationResult res = an.compute(t, FrameSelection.all(), Progress.NONE);
        for (int c : res.table("coordination_atoms").column("cn").ints()) assertEquals(6, c);
        assertEquals(1.0, res.summaryValue("fraction_[6]Na"), 0);
        assertEquals(1.0, res.summaryValue("fraction_[6]Cl"), 0);
        assertEquals(a / 2, res.summaryValue("bond_length_[6]Na"), 1e-9);
        // octahedron: 12 angles of 90° and 3 of 180° per Na
        double[] p = res.table("bond_angles").column("p_Cl-Na-Cl_deg-1").doubles();
        assertEquals(12.0 / 15, p[89] + p[90], 1e-12);
        assertEquals(3.0 / 15, p[179], 1e-12);
        assertEquals(432, res.table("coordination_atoms").rowCount());
    }

    @Test
    void badInput() {
        Frame f = fragment();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CoordinationAnalysis(
                CoordinationAnalysis.Settings.defaults().withCutoffs(BondCutoffs.parse("Si-O=1.8"))).compute(f));
        assertTrue(e.getMessage().contains("species Si is not in the trajectory"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BondCutoffs.parse("B-O:2"));
        assertTrue(e.getMessage().contains("A-B=cutoff"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CoordinationAnalysis(
                CoordinationAnalysis.Settings.defaults().withAngleTriplets(List.of("Li-O-Li"))).compute(f));
        assertTrue(e.getMessage().contains("needs a bond cutoff for O-Li"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CoordinationAnalysis(
                CoordinationAnalysis.Settings.defaults().withCutoffs(BondCutoffs.parse("B-O=16"))).compute(f));
        assertTrue(e.getMessage().contains("exceeds half"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CoordinationAnalysis(
                CoordinationAnalysis.Settings.defaults()).compute(Trajectory.of(List.of(f)),
                new FrameSelection(2, 5, 1), Progress.NONE));
        assertTrue(e.getMessage().contains("empty frame selection"), e.getMessage());
    }

    @Test
    void cutoffSuggestionFindsTheFirstMinimum() {
        double dr = 0.01;
        int n = 600;
        double[] r = new double[n], g = new double[n];
        for (int k = 0; k < n; k++) {
            r[k] = (k + 0.5) * dr;
            // covalent-like: a sharp peak at 1.45, nothing until a second peak at 2.6: gap 1.75 .. 2.3 -> middle ~2.0
            g[k] = 12 * Math.exp(-Math.pow((r[k] - 1.45) / 0.05, 2)) + 3 * Math.exp(-Math.pow((r[k] - 2.6) / 0.1, 2));
        }
        double c = CutoffSuggestion.firstMinimum(r, g, 5);
        assertTrue(c > 1.8 && c < 2.2, "suggested " + c);
        // smooth liquid-like g: 1 + exp(-r/2) cos(2 pi (r - 2)/1.5) for r > 1.6; minimum near where the derivative is 0
        for (int k = 0; k < n; k++) g[k] = r[k] < 1.6 ? 0 : 1 + 2 * Math.exp(-r[k] / 2) * Math.cos(2 * Math.PI * (r[k] - 2) / 1.5);
        c = CutoffSuggestion.firstMinimum(r, g, 1);
        // d/dr [exp(-r/2) cos(w(r-2))] = 0 -> tan(w (r - 2)) = -1/(2w), w = 2 pi / 1.5, on the branch after the peak
        double w = 2 * Math.PI / 1.5;
        double expected = 2 + (Math.PI + Math.atan(-1 / (2 * w))) / w;
        assertEquals(expected, c, dr);
    }
}
