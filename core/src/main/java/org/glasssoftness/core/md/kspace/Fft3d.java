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
    private final java.util.concurrent.ExecutorService pool;

    public Fft3d(int nx, int ny, int nz) {
        this(nx, ny, nz, null);
    }

    /** With a pool, lines are transformed in parallel (same results as without). */
    public Fft3d(int nx, int ny, int nz, java.util.concurrent.ExecutorService pool) {
        this.pool = pool;
        this.nx = nx; this.ny = ny; this.nz = nz;
        fx = new Fft1d(nx); fy = new Fft1d(ny); fz = new Fft1d(nz);
    }

    public void forward(double[] re, double[] im) { transform(re, im, false); }

    public void backward(double[] re, double[] im) { transform(re, im, true); }

    private void transform(double[] re, double[] im, boolean inverse) {
        // x lines (contiguous), then y lines, then z lines; lines are independent, so they are split over threads in
        // fixed chunks (each line's arithmetic is the same whichever thread does it: results do not depend on threads)
        forLines(ny * nz, (from, to, sc) -> {
            for (int line = from; line < to; line++) {
                int base = line * nx;
                System.arraycopy(re, base, sc[0], 0, nx);
                System.arraycopy(im, base, sc[1], 0, nx);
                fx.transform(sc[0], sc[1], sc[2], sc[3], sc[4], sc[5], inverse);
                System.arraycopy(sc[0], 0, re, base, nx);
                System.arraycopy(sc[1], 0, im, base, nx);
            }
        });
        forLines(nx * nz, (from, to, sc) -> {
            for (int line = from; line < to; line++) {
                int z = line / nx, x = line % nx;
                int base = z * nx * ny + x;
                double[] lr = sc[0], li = sc[1];
                for (int y = 0; y < ny; y++) { lr[y] = re[base + y * nx]; li[y] = im[base + y * nx]; }
                fy.transform(lr, li, sc[2], sc[3], sc[4], sc[5], inverse);
                for (int y = 0; y < ny; y++) { re[base + y * nx] = lr[y]; im[base + y * nx] = li[y]; }
            }
        });
        int plane = nx * ny;
        forLines(plane, (from, to, sc) -> {
            for (int p = from; p < to; p++) {
                double[] lr = sc[0], li = sc[1];
                for (int z = 0; z < nz; z++) { lr[z] = re[p + z * plane]; li[z] = im[p + z * plane]; }
                fz.transform(lr, li, sc[2], sc[3], sc[4], sc[5], inverse);
                for (int z = 0; z < nz; z++) { re[p + z * plane] = lr[z]; im[p + z * plane] = li[z]; }
            }
        });
    }

    @FunctionalInterface
    private interface LineRange {
        void run(int from, int to, double[][] scratch);
    }

    private double[][] scratch() {
        int nmax = Math.max(nx, Math.max(ny, nz));
        int rmax = Math.max(fx.maxRadix(), Math.max(fy.maxRadix(), fz.maxRadix()));
        return new double[][] {new double[nmax], new double[nmax], new double[nmax], new double[nmax],
            new double[rmax], new double[rmax]};
    }

    private void forLines(int lines, LineRange body) {
        if (pool == null || lines < 64) {
            body.run(0, lines, scratch());
            return;
        }
        int chunks = 16;
        java.util.List<java.util.concurrent.Future<?>> fs = new java.util.ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) lines * c / chunks), to = (int) ((long) lines * (c + 1) / chunks);
            fs.add(pool.submit(() -> body.run(from, to, scratch())));
        }
        try {
            for (java.util.concurrent.Future<?> f : fs) f.get();
        } catch (Exception e) {
            throw new IllegalStateException("FFT failed", e);
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
        private static final double C72 = Math.cos(2 * Math.PI / 5), S72 = Math.sin(2 * Math.PI / 5);
        private static final double C144 = Math.cos(4 * Math.PI / 5), S144 = Math.sin(4 * Math.PI / 5);

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
            transform(re, im, wr, wi, new double[maxRadix()], new double[maxRadix()], inverse);
        }

        int maxRadix() {
            int m = 4;
            for (int r : radix) m = Math.max(m, r);
            return m;
        }

        /** As above with caller-owned butterfly scratch vr, vi (length >= largest radix). */
        void transform(double[] re, double[] im, double[] wr, double[] wi, double[] vr, double[] vi, boolean inverse) {
            if (n == 1) return;
            if (inverse) for (int i = 0; i < n; i++) im[i] = -im[i];
            double[] ar = re, ai = im, br = wr, bi = wi;
            int ns = 1;
            for (int s = 0; s < radix.length; s++) {
                int r = radix[s];
                int stride = n / r;
                double[] tr = twr[s], ti = twi[s], rr = rootR[s], ri = rootI[s];
                for (int j = 0, g = 0, k = 0; j < stride; j++) {
                    // j = g * ns + k without divisions
                    if (k == 0) {
                        for (int q = 0; q < r; q++) { vr[q] = ar[j + q * stride]; vi[q] = ai[j + q * stride]; }
                    } else {
                        for (int q = 0; q < r; q++) {
                            double xr = ar[j + q * stride], xi = ai[j + q * stride];
                            double cr = tr[k * r + q], ci = ti[k * r + q];
                            vr[q] = xr * cr - xi * ci;
                            vi[q] = xr * ci + xi * cr;
                        }
                    }
                    int idxD = g * ns * r + k;
                    if (++k == ns) { k = 0; g++; }
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
                    } else if (r == 5) {
                        double a1r = vr[1] + vr[4], a1i = vi[1] + vi[4], b1r = vr[1] - vr[4], b1i = vi[1] - vi[4];
                        double a2r = vr[2] + vr[3], a2i = vi[2] + vi[3], b2r = vr[2] - vr[3], b2i = vi[2] - vi[3];
                        br[idxD] = vr[0] + a1r + a2r; bi[idxD] = vi[0] + a1i + a2i;
                        double c1r = vr[0] + C72 * a1r + C144 * a2r, c1i = vi[0] + C72 * a1i + C144 * a2i;
                        double c2r = vr[0] + C144 * a1r + C72 * a2r, c2i = vi[0] + C144 * a1i + C72 * a2i;
                        // -i (S72 b1 + S144 b2) and -i (S144 b1 - S72 b2)
                        double d1r = S72 * b1i + S144 * b2i, d1i = -(S72 * b1r + S144 * b2r);
                        double d2r = S144 * b1i - S72 * b2i, d2i = -(S144 * b1r - S72 * b2r);
                        br[idxD + ns] = c1r + d1r; bi[idxD + ns] = c1i + d1i;
                        br[idxD + 4 * ns] = c1r - d1r; bi[idxD + 4 * ns] = c1i - d1i;
                        br[idxD + 2 * ns] = c2r + d2r; bi[idxD + 2 * ns] = c2i + d2i;
                        br[idxD + 3 * ns] = c2r - d2r; bi[idxD + 3 * ns] = c2i - d2i;
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
