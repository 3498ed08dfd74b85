package org.glasssoftness.core.neighbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.glasssoftness.core.model.Box;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NeighborSearchTest {

    /** Brute force over all images in a generous range: the independent truth. */
    private static List<String> bruteForce(Box box, double[] pos, double rc, int i) {
        List<String> out = new ArrayList<>();
        int n = pos.length / 3;
        double[] w = box.perpendicularWidths();
        int[] m = new int[3];
        for (int k = 0; k < 3; k++) m[k] = (int) Math.ceil(rc / w[k]) + 2;
        for (int j = 0; j < n; j++) {
            for (int a = -m[0]; a <= m[0]; a++) {
                for (int b = -m[1]; b <= m[1]; b++) {
                    for (int c = -m[2]; c <= m[2]; c++) {
                        if (j == i && a == 0 && b == 0 && c == 0) continue;
                        double dx = pos[3 * j] - pos[3 * i] + a * box.lx() + b * box.xy() + c * box.xz();
                        double dy = pos[3 * j + 1] - pos[3 * i + 1] + b * box.ly() + c * box.yz();
                        double dz = pos[3 * j + 2] - pos[3 * i + 2] + c * box.lz();
                        double r2 = dx * dx + dy * dy + dz * dz;
                        if (r2 < rc * rc) out.add(key(j, r2));
                    }
                }
            }
        }
        Collections.sort(out);
        return out;
    }

    private static String key(int j, double r2) {
        return j + "@" + String.format("%.9f", r2);
    }

    private static double[] randomPositions(Box box, int n, long seed) {
        Random rnd = new Random(seed);
        double[] pos = new double[3 * n];
        double[] s = new double[3];
        for (int i = 0; i < n; i++) {
            // some atoms outside the cell: the search must wrap them
            for (int k = 0; k < 3; k++) s[k] = rnd.nextDouble() * 1.6 - 0.3;
            box.toCartesian(s, 0, pos, 3 * i);
        }
        return pos;
    }

    @ParameterizedTest
    @CsvSource({
        // lx, ly, lz, xy, xz, yz, cutoff
        "20, 20, 20, 0, 0, 0, 4.5",
        "17, 23, 19, 3.5, -4.0, 2.0, 5.0",
        "12, 12, 12, 5.9, 5.9, -5.9, 7.5",   // cutoff > half the (tilted) box: several images
        "6, 7, 8, 1.0, 2.0, -1.5, 9.0",      // cutoff > the box itself: self-images too
    })
    void sameNeighboursAsBruteForce(double lx, double ly, double lz, double xy, double xz, double yz, double rc) {
        Box box = new Box(-1, 2, 0.5, lx, ly, lz, xy, xz, yz, true, true, true);
        double[] pos = randomPositions(box, 60, 42);
        NeighborSearch ns = new NeighborSearch(box, pos, rc);
        for (int i = 0; i < 60; i++) {
            List<String> got = new ArrayList<>();
            ns.forEachNeighbor(i, (a, j, dx, dy, dz, r2) -> {
                assertEquals(dx * dx + dy * dy + dz * dz, r2, 1e-12);
                got.add(key(j, r2));
            });
            Collections.sort(got);
            assertEquals(bruteForce(box, pos, rc, i), got, "neighbours of atom " + i);
        }
    }

    @Test
    void halfListHoldsEachPairOnce() {
        Box box = new Box(0, 0, 0, 9, 10, 11, 2, 1, -1, true, true, true);
        double[] pos = randomPositions(box, 80, 7);
        for (double rc : new double[] {3.0, 6.0}) {
            NeighborSearch ns = new NeighborSearch(box, pos, rc);
            long[] full = new long[1];
            for (int i = 0; i < 80; i++) ns.forEachNeighbor(i, (a, j, dx, dy, dz, r2) -> full[0]++);
            List<String> half = new ArrayList<>();
            ns.forEachPair((i, j, dx, dy, dz, r2) -> {
                assertTrue(i <= j);
                half.add(i + "-" + j + "@" + String.format("%.6f,%.6f,%.6f", dx, dy, dz));
            });
            assertEquals(full[0], 2L * half.size(), "full list counts every pair twice");
            assertEquals(half.size(), half.stream().distinct().count(), "no pair twice in the half list");
        }
    }

    @Test
    void fccShellsCounted() {
        // fcc with a = 4: 12 neighbours at a/sqrt2, 6 at a, 24 at a*sqrt(3/2)
        int cells = 3;
        double a = 4.0;
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        double[] pos = new double[3 * 4 * cells * cells * cells];
        int p = 0;
        for (int x = 0; x < cells; x++) for (int y = 0; y < cells; y++) for (int z = 0; z < cells; z++) {
            for (double[] b : basis) {
                pos[p++] = (x + b[0]) * a;
                pos[p++] = (y + b[1]) * a;
                pos[p++] = (z + b[2]) * a;
            }
        }
        Box box = Box.cubic(cells * a);
        NeighborSearch ns = new NeighborSearch(box, pos, 5.0);
        int[] c1 = new int[1], c2 = new int[1], c3 = new int[1];
        ns.forEachNeighbor(5, (i, j, dx, dy, dz, r2) -> {
            double r = Math.sqrt(r2);
            if (Math.abs(r - a / Math.sqrt(2)) < 1e-9) c1[0]++;
            else if (Math.abs(r - a) < 1e-9) c2[0]++;
            else if (Math.abs(r - a * Math.sqrt(1.5)) < 1e-9) c3[0]++;
        });
        assertEquals(12, c1[0]);
        assertEquals(6, c2[0]);
        assertEquals(24, c3[0]);
    }
}
