package org.glasssoftness.core.md.kspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The mixed-radix FFT against a direct O(N^2) DFT, and backward(forward(a)) = N a. */
class Fft3dTest {
    @Test
    void oneDimensionalMatchesDirectDftForMixedRadixLengths() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int n : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 16, 18, 20, 24, 25, 27, 30, 32, 36, 45, 48, 49, 60}) {
            double[] re = new double[n], im = new double[n];
            for (int i = 0; i < n; i++) { re[i] = rnd.nextDouble() - 0.5; im[i] = rnd.nextDouble() - 0.5; }
            double[] dr = new double[n], di = new double[n];
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    double a = -2 * Math.PI * (long) j * k / n;
                    dr[k] += re[j] * Math.cos(a) - im[j] * Math.sin(a);
                    di[k] += re[j] * Math.sin(a) + im[j] * Math.cos(a);
                }
            }
            Fft3d.Fft1d f = new Fft3d.Fft1d(n);
            double[] r = re.clone(), i2 = im.clone();
            f.transform(r, i2, new double[n], new double[n], false);
            for (int k = 0; k < n; k++) {
                assertEquals(dr[k], r[k], 1e-12 * n, "n=" + n + " k=" + k);
                assertEquals(di[k], i2[k], 1e-12 * n, "n=" + n + " k=" + k);
            }
            f.transform(r, i2, new double[n], new double[n], true);
            for (int k = 0; k < n; k++) {
                assertEquals(n * re[k], r[k], 1e-12 * n);
                assertEquals(n * im[k], i2[k], 1e-12 * n);
            }
        }
    }

    @Test
    void threeDimensionalMatchesDirectDft() {
        int nx = 6, ny = 5, nz = 4;
        SplittableRandom rnd = new SplittableRandom(2);
        double[] re = new double[nx * ny * nz], im = new double[re.length];
        for (int i = 0; i < re.length; i++) re[i] = rnd.nextDouble();
        double[] r = re.clone(), i2 = im.clone();
        new Fft3d(nx, ny, nz).forward(r, i2);
        int kx = 2, ky = 3, kz = 1;
        double sr = 0, si = 0;
        for (int z = 0; z < nz; z++) for (int y = 0; y < ny; y++) for (int x = 0; x < nx; x++) {
            double a = -2 * Math.PI * ((double) kx * x / nx + (double) ky * y / ny + (double) kz * z / nz);
            sr += re[(z * ny + y) * nx + x] * Math.cos(a);
            si += re[(z * ny + y) * nx + x] * Math.sin(a);
        }
        int idx = (kz * ny + ky) * nx + kx;
        assertEquals(sr, r[idx], 1e-12);
        assertEquals(si, i2[idx], 1e-12);
    }
}
