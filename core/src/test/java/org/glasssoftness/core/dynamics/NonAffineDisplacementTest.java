package org.glasssoftness.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.TestFrames;
import org.junit.jupiter.api.Test;

class NonAffineDisplacementTest {

    /** Applies x -> J (x - o0) + o1 to every atom. */
    private static double[] affine(double[] pos, double[][] j, double[] o0, double[] o1) {
        double[] out = new double[pos.length];
        for (int i = 0; i < pos.length; i += 3) {
            double x = pos[i] - o0[0], y = pos[i + 1] - o0[1], z = pos[i + 2] - o0[2];
            for (int r = 0; r < 3; r++) out[i + r] = j[r][0] * x + j[r][1] * y + j[r][2] * z + o1[r];
        }
        return out;
    }

    @Test
    void generalAffineMapWithRotationAndShearGivesZero() {
        // A dense cluster in the middle of a large box: periodicity plays no part, so J may be any matrix.
        Box box = Box.cubic(100);
        Random r = new Random(11);
        int n = 300;
        double[] p0 = new double[3 * n];
        for (int i = 0; i < 3 * n; i++) p0[i] = 40 + 16 * r.nextDouble();
        double[][] j = {{1.05, 0.10, -0.03}, {0.02, 0.97, 0.08}, {-0.05, 0.04, 1.02}};
        double[] p1 = affine(p0, j, new double[] {0, 0, 0}, new double[] {0.7, -1.3, 2.1});
        Frame f0 = TestFrames.frame(0, box, TestFrames.all("O", n), p0, false, null);
        Frame f1 = TestFrames.frame(10, box, TestFrames.all("O", n), p1, false, null);
        NonAffineDisplacement.Result res = new NonAffineDisplacement(4.0, null, 4).compute(f0, f1, TestFrames.range(n), 2);
        assertFalse(res.unwrapped());
        int valid = 0;
        for (int q = 0; q < n; q++) {
            if (res.degenerate()[q]) continue;
            valid++;
            assertEquals(0.0, res.d2min()[q], 1e-12, "atom " + q);
        }
        assertTrue(valid > 250, "most atoms of the dense cluster have a valid neighbourhood, got " + valid);
    }

    /** Triclinic periodic box deformed by an upper-triangular J (keeps LAMMPS' restricted form): atoms fill it. */
    @Test
    void affineDeformationOfTriclinicBoxGivesZeroWithImagesAndWithMinimumImage() {
        Box b0 = new Box(-3, 1, 2, 14, 13, 12, 2.5, -1.5, 1.0, true, true, true);
        double[][] j = {{1.08, 0.06, -0.04}, {0, 0.95, 0.07}, {0, 0, 1.03}};
        Box b1 = new Box(-3.5, 0.5, 2.5, j[0][0] * 14, j[1][1] * 13, j[2][2] * 12,
                j[0][0] * 2.5 + j[0][1] * 13, j[0][0] * -1.5 + j[0][1] * 1.0 + j[0][2] * 12,
                j[1][1] * 1.0 + j[1][2] * 12, true, true, true);
        int n = 220; // ~0.1 atoms/Å^3, ~27 neighbours within 4 Å
        double[] p0 = TestFrames.randomInBox(b0, n, 5);
        double[] p1 = affine(p0, j, new double[] {-3, 1, 2}, new double[] {-3.5, 0.5, 2.5});
        // check the deformed positions keep their fractional coordinates in the deformed box
        double[] s0 = new double[3], s1 = new double[3];
        b0.toFractional(p0, 30, s0, 0);
        b1.toFractional(p1, 30, s1, 0);
        for (int k = 0; k < 3; k++) assertEquals(s0[k], s1[k], 1e-12);

        // (a) image flags present: the same atoms re-wrapped differently in frame 1 (shift by lattice vectors and
        // compensating image flags), as LAMMPS does when an atom crosses a face.
        Random r = new Random(3);
        int[] im0 = new int[3 * n], im1 = new int[3 * n];
        double[] w1 = p1.clone();
        for (int i = 0; i < n; i++) {
            int na = r.nextInt(3) - 1, nb = r.nextInt(3) - 1, nc = r.nextInt(3) - 1;
            w1[3 * i] -= na * b1.lx() + nb * b1.xy() + nc * b1.xz();
            w1[3 * i + 1] -= nb * b1.ly() + nc * b1.yz();
            w1[3 * i + 2] -= nc * b1.lz();
            im1[3 * i] = na; im1[3 * i + 1] = nb; im1[3 * i + 2] = nc;
        }
        NonAffineDisplacement d2 = new NonAffineDisplacement(4.0, null, 4);
        Frame f0 = TestFrames.frame(0, b0, TestFrames.all("O", n), p0, false, im0);
        Frame f1 = TestFrames.frame(1, b1, TestFrames.all("O", n), w1, false, im1);
        NonAffineDisplacement.Result ra = d2.compute(f0, f1, TestFrames.range(n), 2);
        assertTrue(ra.unwrapped());
        assertEquals(0, ra.degenerateCount());
        for (int q = 0; q < n; q++) assertEquals(0.0, ra.d2min()[q], 1e-12, "atom " + q);

        // (b) no image flags: minimum image of each vector in the box of each frame
        Frame g0 = TestFrames.frame(0, b0, TestFrames.all("O", n), p0, false, null);
        Frame g1 = TestFrames.frame(1, b1, TestFrames.all("O", n), w1, false, null);
        NonAffineDisplacement.Result rb = d2.compute(g0, g1, TestFrames.range(n), 1);
        assertFalse(rb.unwrapped());
        for (int q = 0; q < n; q++) assertEquals(0.0, rb.d2min()[q], 1e-12, "atom " + q);
    }

    @Test
    void rigidTranslationThroughPeriodicBoundariesGivesZero() {
        Box box = Box.orthogonal(0, 12, 0, 11, 0, 13);
        int n = 170;
        double[] p0 = TestFrames.randomInBox(box, n, 9);
        double[] t = {7.3, -4.1, 12.9};
        double[] unwrapped1 = new double[3 * n], wrapped1 = new double[3 * n];
        int[] im1 = new int[3 * n];
        double[] l = {12, 11, 13};
        for (int i = 0; i < 3 * n; i++) {
            unwrapped1[i] = p0[i] + t[i % 3];
            im1[i] = (int) Math.floor(unwrapped1[i] / l[i % 3]);
            wrapped1[i] = unwrapped1[i] - im1[i] * l[i % 3];
        }
        String[] sp = TestFrames.all("Li", n);
        NonAffineDisplacement d2 = new NonAffineDisplacement(4.0, null, 4);
        Frame w0 = TestFrames.frame(0, box, sp, p0, false, null);
        Frame[][] cases = {
                {w0, TestFrames.frame(1, box, sp, wrapped1, false, null)},                      // minimum image
                {TestFrames.frame(0, box, sp, p0, false, new int[3 * n]),
                        TestFrames.frame(1, box, sp, wrapped1, false, im1)},                    // image flags
                {TestFrames.frame(0, box, sp, p0, true, null),
                        TestFrames.frame(1, box, sp, unwrapped1, true, null)}};                 // xu yu zu
        for (Frame[] c : cases) {
            NonAffineDisplacement.Result res = d2.compute(c[0], c[1], TestFrames.range(n), 2);
            assertEquals(0, res.degenerateCount());
            for (int q = 0; q < n; q++) assertEquals(0.0, res.d2min()[q], 1e-12);
        }
    }

    /** Octahedron of 6 neighbours at distance a around a centre; far from everything else. */
    private static double[] octahedron(double a) {
        double c = 50;
        return new double[] {c, c, c, c + a, c, c, c - a, c, c, c, c + a, c, c, c - a, c, c, c, c + a, c, c, c - a};
    }

    @Test
    void singleDisplacedNeighbourGivesHandComputedValue() {
        // Y = 2a^2 I; moving the +x neighbour by delta adds delta (a,0,0)^T to X, so J = I + delta e_x^T / (2a):
        // the +x and -x neighbours keep a residual delta/2 each, the others none: D2min = 2 |delta/2|^2 / 6.
        double a = 2.0;
        double[] delta = {0.3, -0.2, 0.1};
        double[] p0 = octahedron(a);
        double[] p1 = p0.clone();
        for (int k = 0; k < 3; k++) p1[3 + k] += delta[k];
        Box box = Box.cubic(100);
        String[] sp = {"Li", "O", "O", "O", "O", "O", "O"};
        NonAffineDisplacement.Result res = new NonAffineDisplacement(3.0, null, 4).compute(
                TestFrames.frame(0, box, sp, p0, false, null), TestFrames.frame(1, box, sp, p1, false, null),
                new int[] {0}, 1);
        assertEquals(6, res.neighbors()[0]);
        assertEquals(0.14 / 12, res.d2min()[0], 1e-14);
    }

    @Test
    void displacedCentreInSymmetricShellGivesSquaredDisplacement() {
        // Moving the centre by delta shifts every neighbour vector by -delta; sum d0 = 0 so J = I and every residual
        // is delta: D2min = |delta|^2.
        double[] p0 = octahedron(2.0);
        double[] p1 = p0.clone();
        p1[0] += 0.25; p1[1] -= 0.1; p1[2] += 0.05;
        Box box = Box.cubic(100);
        String[] sp = {"Li", "O", "O", "O", "O", "O", "O"};
        NonAffineDisplacement.Result res = new NonAffineDisplacement(3.0, "O", 4).compute(
                TestFrames.frame(0, box, sp, p0, false, null), TestFrames.frame(1, box, sp, p1, false, null),
                new int[] {0}, 1);
        assertEquals(0.25 * 0.25 + 0.01 + 0.0025, res.d2min()[0], 1e-14);
    }

    @Test
    void degenerateNeighbourhoodsAreFlaggedNotNaN() {
        Box box = Box.cubic(100);
        // centre 0 with two neighbours; centre 3 with four coplanar neighbours (square in the xy plane)
        double[] p = {10, 10, 10, 12, 10, 10, 10, 12, 10,
                50, 50, 50, 52, 50, 50, 48, 50, 50, 50, 52, 50, 50, 48, 50};
        String[] sp = TestFrames.all("Li", 8);
        double[] q = p.clone();
        q[3] += 0.4;
        q[12] += 0.4;
        NonAffineDisplacement.Result res = new NonAffineDisplacement(3.0, null, 1).compute(
                TestFrames.frame(0, box, sp, p, false, null), TestFrames.frame(1, box, sp, q, false, null),
                new int[] {0, 3}, 1);
        assertTrue(res.degenerate()[0], "two collinear-free but planar neighbours: Y has rank 2");
        assertTrue(res.degenerate()[1], "coplanar neighbours: Y singular");
        assertEquals(2, res.degenerateCount());
        for (double v : res.d2min()) assertFalse(Double.isNaN(v));
        // with minNeighbors 4 the first is rejected by count already
        assertEquals(NonAffineFit.DEGENERATE, NonAffineFit.fit(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1},
                new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 3, 4));
    }
}
