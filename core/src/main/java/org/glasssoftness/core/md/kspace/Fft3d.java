package org.glasssoftness.core.md.kspace;

import java.util.ArrayList;
import java.util.List;

/**
 * Complex 3D FFT on an nx x ny x nz grid stored x-fastest in separate real and imaginary arrays, for any sizes
 * (mixed-radix Stockham autosort with radix 4, 2, 3, 5 and generic prime butterflies). Unnormalised, like FFTW:
 * forward uses exp(-i k x), backward exp(+i k x); backward(forward(a)) = N a. commons-math3's transformer handles
 * only powers of two, while PPPM grids are products of 2, 3 and 5, hence this small implementation.
 */
public final class Fft3d {
    private final int nx, ny, nz;
    private final Fft1d fx, fy, fz;

    public Fft3d(int nx, int ny, int nz) {
        this.nx = nx; this.ny = ny; this.nz = nz;
        fx = new Fft1d(nx); fy = new Fft1d(ny); fz = new Fft1d(nz);
    }

    public void forward(double[] re, double[] im) { transform(re, im, false); }

    public void backward(double[] re, double[] im) { transform(re, im, true); }

    private void transform(double[] re, double[] im, boolean inverse) {
        int nmax = Math.max(nx, Math.max(ny, nz));
        double[] lr = new double[nmax], li = new double[nmax], wr = new double[nmax], wi = new double[nmax];
        // x lines (contiguous)
        for (int base = 0; base < nx * ny * nz; base += nx) {
            System.arraycopy(re, base, lr, 0, nx);
            System.arraycopy(im, base, li, 0, nx);
            fx.transform(lr, li, wr, wi, inverse);
            System.arraycopy(lr, 0, re, base, nx);
            System.arraycopy(li, 0, im, base, nx);
        }
        // y lines
        for (int z = 0; z < nz; z++) {
            for (int x = 0; x < nx; x++) {
                int base = z * nx * ny + x;
                for (int y = 0; y < ny; y++) { lr[y] = re[base + y * nx]; li[y] = im[base + y * nx]; }
                fy.transform(lr, li, wr, wi, inverse);
                for (int y = 0; y < ny; y++) { re[base + y * nx] = lr[y]; im[base + y * nx] = li[y]; }
            }
        }
        // z lines
        int plane = nx * ny;
        for (int p = 0; p < plane; p++) {
            for (int z = 0; z < nz; z++) { lr[z] = re[p + z * plane]; li[z] = im[p + z * plane]; }
            fz.transform(lr, li, wr, wi, inverse);
            for (int z = 0; z < nz; z++) { re[p + z * plane] = lr[z]; im[p + z * plane] = li[z]; }
        }
    }

    /** One-dimensional mixed-radix Stockham FFT of a fixed length. */
    static final class Fft1d {
        final int n;
        final int[] radix;
        /** Per stage: twiddles w[k*R + r] = exp(-2 pi i r k / (Ns R)) for k < Ns. */
        final double[][] twr, twi;
        /** Per stage: R-point DFT roots exp(-2 pi i m / R). */
        final double[][] rootR, rootI;
        /** Per stage: (q * t) mod R for the generic butterfly. */
        final int[][] modTable;
        private static final double SIN60 = Math.sqrt(3) / 2;

        Fft1d(int n) {
            if (n < 1) throw new IllegalArgumentException("FFT length must be >= 1");
            this.n = n;
            List<Integer> f = new ArrayList<>();
            int m = n;
            while (m % 4 == 0) { f.add(4); m /= 4; }
            while (m % 2 == 0) { f.add(2); m /= 2; }
            for (int p = 3; p * p <= m; p += 2) while (m % p == 0) { f.add(p); m /= p; }
            if (m > 1) f.add(m);
            radix = f.stream().mapToInt(Integer::intValue).toArray();
            twr = new double[radix.length][];
            twi = new double[radix.length][];
            rootR = new double[radix.length][];
            rootI = new double[radix.length][];
            modTable = new int[radix.length][];
            int ns = 1;
            for (int s = 0; s < radix.length; s++) {
                int r = radix[s];
                twr[s] = new double[ns * r];
                twi[s] = new double[ns * r];
                for (int k = 0; k < ns; k++) {
                    for (int q = 0; q < r; q++) {
                        double ang = -2 * Math.PI * q * k / ((double) ns * r);
                        twr[s][k * r + q] = Math.cos(ang);
                        twi[s][k * r + q] = Math.sin(ang);
                    }
                }
                modTable[s] = new int[r * r];
                for (int q = 0; q < r; q++) for (int t = 0; t < r; t++) modTable[s][q * r + t] = (q * t) % r;
                rootR[s] = new double[r];
                rootI[s] = new double[r];
                for (int q = 0; q < r; q++) {
                    rootR[s][q] = Math.cos(-2 * Math.PI * q / r);
                    rootI[s][q] = Math.sin(-2 * Math.PI * q / r);
                }
                ns *= r;
            }
        }

        /** In-place transform of (re, im)[0..n); wr, wi are scratch of length >= n. */
        void transform(double[] re, double[] im, double[] wr, double[] wi, boolean inverse) {
            if (n == 1) return;
            if (inverse) for (int i = 0; i < n; i++) im[i] = -im[i];
            double[] ar = re, ai = im, br = wr, bi = wi;
            int ns = 1;
            double[] vr = new double[16], vi = new double[16];
            for (int s = 0; s < radix.length; s++) {
                int r = radix[s];
                if (vr.length < r) { vr = new double[r]; vi = new double[r]; }
                int stride = n / r;
                double[] tr = twr[s], ti = twi[s], rr = rootR[s], ri = rootI[s];
                for (int j = 0; j < stride; j++) {
                    int k = j % ns;
                    for (int q = 0; q < r; q++) {
                        double xr = ar[j + q * stride], xi = ai[j + q * stride];
                        double cr = tr[k * r + q], ci = ti[k * r + q];
                        vr[q] = xr * cr - xi * ci;
                        vi[q] = xr * ci + xi * cr;
                    }
                    int idxD = (j / ns) * ns * r + k;
                    if (r == 2) {
                        br[idxD] = vr[0] + vr[1]; bi[idxD] = vi[0] + vi[1];
                        br[idxD + ns] = vr[0] - vr[1]; bi[idxD + ns] = vi[0] - vi[1];
                    } else if (r == 4) {
                        double s0r = vr[0] + vr[2], s0i = vi[0] + vi[2], d0r = vr[0] - vr[2], d0i = vi[0] - vi[2];
                        double s1r = vr[1] + vr[3], s1i = vi[1] + vi[3], d1r = vr[1] - vr[3], d1i = vi[1] - vi[3];
                        br[idxD] = s0r + s1r; bi[idxD] = s0i + s1i;
                        br[idxD + 2 * ns] = s0r - s1r; bi[idxD + 2 * ns] = s0i - s1i;
                        // -i * d1
                        br[idxD + ns] = d0r + d1i; bi[idxD + ns] = d0i - d1r;
                        br[idxD + 3 * ns] = d0r - d1i; bi[idxD + 3 * ns] = d0i + d1r;
                    } else if (r == 3) {
                        // exp(-2 pi i / 3) = -1/2 - i sqrt(3)/2
                        double t1r = vr[1] + vr[2], t1i = vi[1] + vi[2], t2r = vr[1] - vr[2], t2i = vi[1] - vi[2];
                        double mr = vr[0] - 0.5 * t1r, mi = vi[0] - 0.5 * t1i;
                        double sr = SIN60 * t2i, si = -SIN60 * t2r; // -i sin60 t2
                        br[idxD] = vr[0] + t1r; bi[idxD] = vi[0] + t1i;
                        br[idxD + ns] = mr + sr; bi[idxD + ns] = mi + si;
                        br[idxD + 2 * ns] = mr - sr; bi[idxD + 2 * ns] = mi - si;
                    } else {
                        int[] mt = modTable[s];
                        for (int q = 0; q < r; q++) {
                            double sr = 0, si = 0;
                            for (int t = 0; t < r; t++) {
                                int m = mt[q * r + t];
                                sr += vr[t] * rr[m] - vi[t] * ri[m];
                                si += vr[t] * ri[m] + vi[t] * rr[m];
                            }
                            br[idxD + q * ns] = sr; bi[idxD + q * ns] = si;
                        }
                    }
                }
                double[] t1 = ar; ar = br; br = t1;
                double[] t2 = ai; ai = bi; bi = t2;
                ns *= r;
            }
            if (ar != re) {
                System.arraycopy(ar, 0, re, 0, n);
                System.arraycopy(ai, 0, im, 0, n);
            }
            if (inverse) for (int i = 0; i < n; i++) im[i] = -im[i];
        }
    }
}
