// Device PPPM (org.glasssoftness.core.md.opencl.ClPppm): the kernels of kspace.Pppm on an OpenCL device.
// Built with -DREAL=double|float -DREAL2=double2|float2 -DORDER=p -DACHUNK=c (most mesh points per assign work
// item). REAL is the mesh/FFT/interpolation type (float in the mixed mode); positions, forces, scalar arguments and
// every accumulation (mesh sums, forces, energy, virial) are double. No floating-point atomics: charge assignment is
// a gather over atoms binned by cell (counting sort, atoms in index order within a cell), reductions run in a fixed
// order, so every call gives the same bits.
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

typedef REAL real;
typedef REAL2 real2;

#define OFFSET 16384
#define NLOWER (-((ORDER) - 1) / 2)
#if (ORDER) % 2 == 1
#define SHIFT (OFFSET + 0.5)
#define SHIFTONE 0.0
#else
#define SHIFT ((double) OFFSET)
#define SHIFTONE 0.5
#endif

inline int wrapIndex(int i, int n) { i %= n; return i < 0 ? i + n : i; }

// per(i, n) of kspace.Pppm: signed wave number of mesh index i
inline int perIndex(int i, int n) { return i - n * (2 * i / n); }

// Per atom: its cell (the lowest stencil point minus NLOWER, wrapped), ORDER weights per axis, and the atom counted
// in its cell (integer atomics: the counts do not depend on the order).
__kernel void pppm_stencil(int n, __global const double* x, double xlo, double ylo, double zlo,
                           double dxinv, double dyinv, double dzinv, int nx, int ny, int nz,
                           __constant real* rho, __global real* w, __global int* cellxyz, __global int* cell,
                           __global int* count) {
    int i = get_global_id(0);
    if (i >= n) return;
    double g[3] = {(x[3 * i] - xlo) * dxinv, (x[3 * i + 1] - ylo) * dyinv, (x[3 * i + 2] - zlo) * dzinv};
    int nn[3] = {nx, ny, nz};
    int c[3];
    for (int d = 0; d < 3; d++) {
        int ci = (int) (g[d] + SHIFT) - OFFSET;
        real dd = (real) (ci + SHIFTONE - g[d]);
        for (int k = 0; k < ORDER; k++) {
            real r = (real) 0;
            for (int l = ORDER - 1; l >= 0; l--) r = rho[l * ORDER + k] + r * dd;
            w[(3 * i + d) * ORDER + k] = r;
        }
        c[d] = wrapIndex(ci, nn[d]);
        cellxyz[3 * i + d] = c[d];
    }
    int lin = (c[2] * ny + c[1]) * nx + c[0];
    cell[i] = lin;
    atomic_inc(&count[lin]);
}

// Exclusive scan of the cell counts in three steps: chunk sums, a serial scan of the chunk sums, chunk offsets.
__kernel void pppm_scan_chunks(int ncell, int chunk, int nchunks, __global const int* count, __global int* chunkSum) {
    int g = get_global_id(0);
    if (g >= nchunks) return;
    int from = g * chunk, to = min(from + chunk, ncell), s = 0;
    for (int c = from; c < to; c++) s += count[c];
    chunkSum[g] = s;
}

__kernel void pppm_scan_top(int nchunks, __global int* chunkSum) {
    if (get_global_id(0) != 0) return;
    int run = 0;
    for (int g = 0; g < nchunks; g++) { int v = chunkSum[g]; chunkSum[g] = run; run += v; }
}

__kernel void pppm_scan_write(int ncell, int chunk, int nchunks, __global const int* count,
                              __global const int* chunkSum, __global int* start, __global int* cursor) {
    int g = get_global_id(0);
    if (g >= nchunks) return;
    int from = g * chunk, to = min(from + chunk, ncell), run = chunkSum[g];
    for (int c = from; c < to; c++) { start[c] = run; cursor[c] = run; run += count[c]; }
    if (to == ncell) start[ncell] = run;
}

// Atoms into their cells' slots (slot order within a cell is arbitrary here, fixed by pppm_sort_cells).
__kernel void pppm_place(int n, __global const int* cell, __global int* cursor, __global int* perm) {
    int i = get_global_id(0);
    if (i >= n) return;
    perm[atomic_inc(&cursor[cell[i]])] = i;
}

// Atoms of each cell in index order (cells hold a few atoms: insertion sort).
__kernel void pppm_sort_cells(int ncell, __global const int* start, __global int* perm) {
    int c = get_global_id(0);
    if (c >= ncell) return;
    int from = start[c], to = start[c + 1];
    for (int a = from + 1; a < to; a++) {
        int v = perm[a], b = a - 1;
        while (b >= from && perm[b] > v) { perm[b + 1] = perm[b]; b--; }
        perm[b + 1] = v;
    }
}

// Sorted copies for the gather: x weights times q / (mesh cell volume), y and z weights, x cell.
__kernel void pppm_gather_prep(int n, double delvolinv, __global const int* perm, __global const double* q,
                               __global const real* w, __global const int* cellxyz, __global real* sw,
                               __global int* scellx) {
    int s = get_global_id(0);
    if (s >= n) return;
    int i = perm[s];
    double qv = q[i] * delvolinv;
    for (int k = 0; k < ORDER; k++) {
        sw[(3 * s) * ORDER + k] = (real) (qv * w[(3 * i) * ORDER + k]);
        sw[(3 * s + 1) * ORDER + k] = w[(3 * i + 1) * ORDER + k];
        sw[(3 * s + 2) * ORDER + k] = w[(3 * i + 2) * ORDER + k];
    }
    scellx[s] = cellxyz[3 * i];
}

// Charge density: work item (xc, my, mz) makes mesh points x0 = xc * chunk .. x0 + chunk - 1 of row (my, mz) (chunk
// <= ACHUNK, chunk + ORDER - 1 <= nx). For each of the ORDER^2 cell rows (z cell, then y cell) whose stencils reach
// the row, the atoms of the x cells that reach the chunk (one or two contiguous runs of the sorted atoms) add their
// x weights to the chunk's points. Each mesh point sums its contributions in the order (z cell, y cell, atoms in
// ascending x cell and index), whatever the chunk size and in pppm_assign_row too, so the result does not depend on
// which is used.
__kernel void pppm_assign(int nx, int ny, int nz, int chunk, int split, __global const int* start,
                          __global const real* sw, __global const int* scellx, __global real2* dens) {
    int xc = get_global_id(0), my = get_global_id(1), mz = get_global_id(2);
    int x0 = xc * chunk;
    if (x0 >= nx || my >= ny || mz >= nz) return;
    int c = min(chunk, nx - x0);
    double acc[ACHUNK];
    for (int t = 0; t < ACHUNK; t++) acc[t] = 0;
    // cells whose stencils (cell + NLOWER .. cell + NLOWER + ORDER - 1) reach x0 .. x0 + c - 1
    int lo = x0 - NLOWER - (ORDER - 1), hi = x0 + c - 1 - NLOWER;
    for (int az = 0; az < ORDER; az++) {
        int cz = mz - NLOWER - az;
        cz += cz < 0 ? nz : 0; cz -= cz >= nz ? nz : 0;
        for (int ay = 0; ay < ORDER; ay++) {
            int cy = my - NLOWER - ay;
            cy += cy < 0 ? ny : 0; cy -= cy >= ny ? ny : 0;
            int row = (cz * ny + cy) * nx;
            int s0, e0, s1, e1;
            // atoms in ascending cell order (the low cells of a wrapped range first), as pppm_assign_row
            if (lo < 0) { s0 = start[row]; e0 = start[row + hi + 1]; s1 = start[row + lo + nx]; e1 = start[row + nx]; }
            else if (hi >= nx) {
                s0 = start[row]; e0 = start[row + hi - nx + 1]; s1 = start[row + lo]; e1 = start[row + nx];
            }
            else { s0 = start[row + lo]; e0 = start[row + hi + 1]; s1 = 0; e1 = 0; }
            for (int seg = 0; seg < 2; seg++) {
                int from = seg == 0 ? s0 : s1, to = seg == 0 ? e0 : e1;
                for (int s = from; s < to; s++) {
                    real yz = sw[(3 * s + 1) * ORDER + ay] * sw[(3 * s + 2) * ORDER + az];
                    // local index of the atom's first stencil point in the chunk
                    int l0 = scellx[s] + NLOWER - x0;
                    l0 += l0 < -(ORDER - 1) ? nx : 0; l0 -= l0 >= c ? nx : 0;
                    _Pragma("unroll") for (int ax = 0; ax < ORDER; ax++) {
                        int l = l0 + ax;
                        if (l >= 0 && l < c) acc[l] += sw[(3 * s) * ORDER + ax] * yz;
                    }
                }
            }
        }
    }
    if (split) { // z-split packing: plane mz goes to the real (even) or imaginary (odd) part of half-mesh plane mz/2
        __global real* d = (__global real*) dens;
        int base = ((mz >> 1) * ny + my) * nx + x0;
        for (int t = 0; t < c; t++) d[2 * (base + t) + (mz & 1)] = (real) acc[t];
    } else {
        int base = (mz * ny + my) * nx + x0;
        for (int t = 0; t < c; t++) dens[base + t] = (real2) ((real) acc[t], (real) 0);
    }
}

// CPU variant: work item (my, mz) makes the whole x row (nx <= ROWMAX): for each of the ORDER^2 cell rows, every
// atom of the row (one contiguous run of the sorted atoms) adds to its ORDER stencil points (indices wrapped).
#ifndef ROWMAX
#define ROWMAX 128
#endif
__kernel void pppm_assign_row(int nx, int ny, int nz, int split, __global const int* start, __global const real* sw,
                              __global const int* scellx, __global real2* dens) {
    int my = get_global_id(0), mz = get_global_id(1);
    if (my >= ny || mz >= nz) return;
    double acc[ROWMAX];
    for (int t = 0; t < nx; t++) acc[t] = 0;
    for (int az = 0; az < ORDER; az++) {
        int cz = mz - NLOWER - az;
        cz += cz < 0 ? nz : 0; cz -= cz >= nz ? nz : 0;
        for (int ay = 0; ay < ORDER; ay++) {
            int cy = my - NLOWER - ay;
            cy += cy < 0 ? ny : 0; cy -= cy >= ny ? ny : 0;
            int row = (cz * ny + cy) * nx;
            int from = start[row], to = start[row + nx];
            for (int s = from; s < to; s++) {
                real yz = sw[(3 * s + 1) * ORDER + ay] * sw[(3 * s + 2) * ORDER + az];
                int l0 = scellx[s] + NLOWER;
                _Pragma("unroll") for (int ax = 0; ax < ORDER; ax++) {
                    int l = l0 + ax;
                    l += l < 0 ? nx : 0; l -= l >= nx ? nx : 0;
                    acc[l] += sw[(3 * s) * ORDER + ax] * yz;
                }
            }
        }
    }
    if (split) {
        __global real* d = (__global real*) dens;
        int base = ((mz >> 1) * ny + my) * nx;
        for (int t = 0; t < nx; t++) d[2 * (base + t) + (mz & 1)] = (real) acc[t];
    } else {
        int base = (mz * ny + my) * nx;
        for (int t = 0; t < nx; t++) dens[base + t] = (real2) ((real) acc[t], (real) 0);
    }
}

// Optimal influence function (Hockney-Eastwood, aliasing sums over -nb..nb), as kspace.Pppm.computeGreens, from
// per-axis tables made on the host at each box change (every transcendental factor depends on one axis only): for
// mesh index i of an axis, at tab[off + i * (2 + 2 * (2 nb + 1))]: k_i, the axis factor of the denominator
// sum_l gfB_l sin^2l(k_i h / 2), then per image j: q = k_i + 2 pi j / h and exp(-q^2 / 4g^2) W(q h / 2)^(2 order).
__kernel void pppm_greens(int nx, int ny, int nz, int nbx, int nby, int nbz, int offy, int offz,
                          __global const double* tab, __global real* greens) {
    int k = get_global_id(0), l = get_global_id(1), m = get_global_id(2);
    if (k >= nx || l >= ny || m >= nz) return;
    int n = (m * ny + l) * nx + k;
    __global const double* tx = tab + k * (2 + 2 * (2 * nbx + 1));
    __global const double* ty = tab + offy + l * (2 + 2 * (2 * nby + 1));
    __global const double* tz = tab + offz + m * (2 + 2 * (2 * nbz + 1));
    double kx = tx[0], ky = ty[0], kz = tz[0];
    double sqk = kx * kx + ky * ky + kz * kz;
    if (sqk == 0) { greens[n] = 0; return; }
    double den = tx[1] * ty[1] * tz[1];
    den *= den;
    double sum1 = 0;
    for (int ix = 0; ix <= 2 * nbx; ix++) {
        double qx = tx[2 + 2 * ix], ex = tx[3 + 2 * ix];
        for (int iy = 0; iy <= 2 * nby; iy++) {
            double qy = ty[2 + 2 * iy], exy = ex * ty[3 + 2 * iy];
            for (int iz = 0; iz <= 2 * nbz; iz++) {
                double qz = tz[2 + 2 * iz];
                double dot1 = kx * qx + ky * qy + kz * qz;
                double dot2 = qx * qx + qy * qy + qz * qz;
                sum1 += (dot1 / dot2) * exy * tz[3 + 2 * iz];
            }
        }
    }
    greens[n] = (real) (4 * M_PI / sqk * sum1 / den);
}

// One radix-R pass (R = 2, 3, 4, 5, 6, 8, 9) of a batched mixed-radix Stockham FFT (Govindaraju et al., SC08)
// along one axis: element t of a line is at base + t * stride. tw[t] = exp(-2 pi i t / n); backward conjugates.
// Unnormalised like kspace.Fft3d.
inline real2 cmul(real2 a, real2 b) { return (real2) (a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x); }
// s * i * a for s = +1 (backward) / -1 (forward)
inline real2 sI(real2 a, real s) { return (real2) (-s * a.y, s * a.x); }

// The butterflies of radix 2, 3, 4, 5 on v (s = -1 forward, +1 backward).
#define BUTTERFLY_2(v, s) { real2 a0 = v[0], a1 = v[1]; v[0] = a0 + a1; v[1] = a0 - a1; }
#define BUTTERFLY_4(v, s) { \
    real2 t0 = v[0] + v[2], t1 = v[0] - v[2], t2 = v[1] + v[3], t3 = sI(v[1] - v[3], s); \
    v[0] = t0 + t2; v[2] = t0 - t2; v[1] = t1 + t3; v[3] = t1 - t3; }
#define BUTTERFLY_3(v, s) { \
    const real h = (real) 0.86602540378443864676; \
    real2 t3_ = v[1] + v[2], d3_ = sI(v[1] - v[2], s) * h, a3_ = v[0] - t3_ * (real) 0.5; \
    v[0] = v[0] + t3_; v[1] = a3_ + d3_; v[2] = a3_ - d3_; }
#define BUTTERFLY_5(v, s) { \
    const real c1 = (real) 0.30901699437494742410, c2 = (real) -0.80901699437494742410; \
    const real s1 = (real) 0.95105651629515357212, s2 = (real) 0.58778525229247312917; \
    real2 t1 = v[1] + v[4], t2 = v[2] + v[3], d1 = v[1] - v[4], d2 = v[2] - v[3]; \
    real2 a1 = v[0] + t1 * c1 + t2 * c2, a2 = v[0] + t1 * c2 + t2 * c1; \
    real2 b1 = sI(d1 * s1 + d2 * s2, s), b2 = sI(d1 * s2 - d2 * s1, s); \
    v[0] = v[0] + t1 + t2; v[1] = a1 + b1; v[4] = a1 - b1; v[2] = a2 + b2; v[3] = a2 - b2; }

// Composite radix R = R1 R2 in registers (two stages): input r = R2 r1 + r2, output k = k1 + R1 k2;
// X[k] = sum_r2 w_R^(r2 k1) w_R2^(r2 k2) sum_r1 v[R2 r1 + r2] w_R1^(r1 k1), w_R = exp(s 2 pi i / R).
#define BUTTERFLY_COMPOSITE(v, s, R1, R2) { \
    real2 cu_[R1 * R2]; \
    _Pragma("unroll") for (int r2 = 0; r2 < R2; r2++) { \
        real2 ca_[R1]; \
        _Pragma("unroll") for (int r1 = 0; r1 < R1; r1++) ca_[r1] = v[R2 * r1 + r2]; \
        BUTTERFLY_##R1(ca_, s) \
        _Pragma("unroll") for (int k1 = 0; k1 < R1; k1++) { \
            real2 t = ca_[k1]; \
            if (r2 * k1 != 0) { \
                const double ang = 2 * M_PI * (r2 * k1) / (R1 * R2); \
                t = cmul(t, (real2) ((real) cos(ang), s * (real) sin(ang))); \
            } \
            cu_[r2 * R1 + k1] = t; \
        } \
    } \
    _Pragma("unroll") for (int k1 = 0; k1 < R1; k1++) { \
        real2 cb_[R2]; \
        _Pragma("unroll") for (int r2 = 0; r2 < R2; r2++) cb_[r2] = cu_[r2 * R1 + k1]; \
        BUTTERFLY_##R2(cb_, s) \
        _Pragma("unroll") for (int k2 = 0; k2 < R2; k2++) v[k1 + R1 * k2] = cb_[k2]; \
    } }
#define BUTTERFLY_6(v, s) BUTTERFLY_COMPOSITE(v, s, 2, 3)
#define BUTTERFLY_8(v, s) BUTTERFLY_COMPOSITE(v, s, 2, 4)
#define BUTTERFLY_9(v, s) BUTTERFLY_COMPOSITE(v, s, 3, 3)

// One pass of radix R on the line at base (element t at base + t * stride), output index j of n / R.
#define FFT_PASS(R) \
    int m = n / R; \
    int q = j / ns, k = j - q * ns; \
    int twstep = (n / (ns * R)) * k; \
    real s = backward ? (real) 1 : (real) -1; \
    real2 v[R]; \
    _Pragma("unroll") for (int r = 0; r < R; r++) v[r] = src[base + (j + r * m) * stride]; \
    if (k > 0) { \
        _Pragma("unroll") for (int r = 1; r < R; r++) { \
            real2 t = tw[r * twstep]; \
            if (backward) t.y = -t.y; \
            v[r] = cmul(v[r], t); \
        } \
    } \
    BUTTERFLY_##R(v, s) \
    int idxD = q * ns * R + k; \
    _Pragma("unroll") for (int r = 0; r < R; r++) dst[base + (idxD + r * ns) * stride] = v[r];

// x lines (contiguous): work item (j, line), line = y + ny * (z + nz * mesh). y or z lines: work item (i, j, p),
// element t of the line at p * outerStride + i + t * stride (neighbouring work items touch neighbouring x).
#define FFT_KERNELS(R) \
__kernel void pppm_fft_x##R(__global const real2* src, __global real2* dst, __global const real2* tw, int n, \
                            int ns, int lines, int backward) { \
    int j = get_global_id(0), line = get_global_id(1); \
    if (j >= n / R || line >= lines) return; \
    int stride = 1, base = line * n; \
    FFT_PASS(R) \
} \
__kernel void pppm_fft_yz##R(__global const real2* src, __global real2* dst, __global const real2* tw, int n, \
                             int ns, int stride, int inner, int outerStride, int outer, int backward) { \
    int i = get_global_id(0), j = get_global_id(1), p = get_global_id(2); \
    if (i >= inner || j >= n / R || p >= outer) return; \
    int base = p * outerStride + i; \
    FFT_PASS(R) \
}

FFT_KERNELS(2)
FFT_KERNELS(3)
FFT_KERNELS(4)
FFT_KERNELS(5)
FFT_KERNELS(6)
FFT_KERNELS(8)
FFT_KERNELS(9)

// Poisson solve and ik differentiation: phi = G rho / N; out[0..M) = A_x + i A_y, out[M..2M) = A_z (A_d = i k_d phi),
// whose backward transforms are the fields (one complex transform for x and y, as kspace.Pppm).
__kernel void pppm_poisson(int nx, int ny, int nz, double ukx, double uky, double ukz, double scaleinv,
                           __global const real2* dens, __global const real* greens, __global real2* out) {
    int c = get_global_id(0), l = get_global_id(1), m = get_global_id(2);
    if (c >= nx || l >= ny || m >= nz) return;
    int ntot = nx * ny * nz, k = (m * ny + l) * nx + c;
    real fx = (real) (ukx * perIndex(c, nx)), fy = (real) (uky * perIndex(l, ny)), fz = (real) (ukz * perIndex(m, nz));
    real sc = (real) scaleinv * greens[k];
    real2 d = dens[k];
    real re = d.x * sc, im = d.y * sc;
    out[k] = (real2) (-fx * im - fy * re, fx * re - fy * im);
    out[ntot + k] = (real2) (-fz * im, fz * re);
}

// ---- z-split real transforms (nz even, h = nz / 2) ----
// A real mesh a is packed as the half mesh c(x, y, z') = a(x, y, 2z') + i a(x, y, 2z' + 1), whose complex FFT C gives
// the full spectrum A(kz) = E + w^kz O, A(kz + h) = E - w^kz O with E = (C(k) + conj C(-k)) / 2,
// O = (C(k) - conj C(-k)) / 2i, w = exp(-2 pi i / nz). Backward, C(k') = [A(k') + A(k' + h)] + i [A(k') - A(k' + h)]
// w^-k' transforms back to c = a(even planes) + i a(odd planes). One forward and three backward half-size transforms
// replace one forward and two backward full ones.

// Spectrum of the density at (kx, ky, k') and (kx, ky, k' + h) from the packed forward transform.
inline void unpackSpectrum(__global const real2* cs, __global const real2* twz, int nx, int ny, int h, int kx, int ky,
                           int kp, real2* x0, real2* x1) {
    int mx = kx == 0 ? 0 : nx - kx, my = ky == 0 ? 0 : ny - ky, mp = kp == 0 ? 0 : h - kp;
    real2 c1 = cs[(kp * ny + ky) * nx + kx], c2 = cs[(mp * ny + my) * nx + mx];
    c2.y = -c2.y;
    real2 e = (c1 + c2) * (real) 0.5, dd = (c1 - c2) * (real) 0.5;
    real2 o = (real2) (dd.y, -dd.x); // dd / i
    real2 wo = cmul(twz[kp], o);
    *x0 = e + wo;
    *x1 = e - wo;
}

// Poisson solve and ik differentiation for the split path: work item (kx, ky, k') makes the packed backward inputs of
// A_x, A_y, A_z (three half meshes, out + d * nx * ny * h).
__kernel void pppm_poisson_split(int nx, int ny, int nz, double ukx, double uky, double ukz, double scaleinv,
                                 __global const real2* cs, __global const real2* twz, __global const real* greens,
                                 __global real2* out) {
    int kx = get_global_id(0), ky = get_global_id(1), kp = get_global_id(2);
    int h = nz / 2;
    if (kx >= nx || ky >= ny || kp >= h) return;
    real2 x0, x1;
    unpackSpectrum(cs, twz, nx, ny, h, kx, ky, kp, &x0, &x1);
    int k0 = (kp * ny + ky) * nx + kx, k1 = ((kp + h) * ny + ky) * nx + kx;
    real sc0 = (real) scaleinv * greens[k0], sc1 = (real) scaleinv * greens[k1];
    real2 p0 = x0 * sc0, p1 = x1 * sc1;
    real fx = (real) (ukx * perIndex(kx, nx)), fy = (real) (uky * perIndex(ky, ny));
    real fz0 = (real) (ukz * perIndex(kp, nz)), fz1 = (real) (ukz * perIndex(kp + h, nz));
    real2 winv = twz[kp];
    winv.y = -winv.y;
    int mh = nx * ny * h, idx = (kp * ny + ky) * nx + kx;
    // A_d = i k_d phi at kz = k' (a0) and k' + h (a1), packed as (a0 + a1) + i (a0 - a1) w^-k'
    real2 ip0 = (real2) (-p0.y, p0.x), ip1 = (real2) (-p1.y, p1.x);
    real2 sum = fx * (ip0 + ip1), dif = cmul(fx * (ip0 - ip1), winv);
    out[idx] = (real2) (sum.x - dif.y, sum.y + dif.x);
    sum = fy * (ip0 + ip1); dif = cmul(fy * (ip0 - ip1), winv);
    out[mh + idx] = (real2) (sum.x - dif.y, sum.y + dif.x);
    real2 a0 = fz0 * ip0, a1 = fz1 * ip1;
    sum = a0 + a1; dif = cmul(a0 - a1, winv);
    out[2 * mh + idx] = (real2) (sum.x - dif.y, sum.y + dif.x);
}

// One k-vector's energy term and its virial contributions (LAMMPS pppm), added to acc = {e, xx, yy, zz, xy, xz, yz}.
inline void addEnergyVirial(double eng, double fx, double fy, double fz, double sqk, double g2inv, double* acc) {
    double vterm = -2.0 * (1.0 / sqk + 0.25 * g2inv);
    acc[0] += eng;
    acc[1] += eng * (1.0 + vterm * fx * fx);
    acc[2] += eng * (1.0 + vterm * fy * fy);
    acc[3] += eng * (1.0 + vterm * fz * fz);
    acc[4] += eng * vterm * fx * fy;
    acc[5] += eng * vterm * fx * fz;
    acc[6] += eng * vterm * fy * fz;
}

// Row r's seven sums into partial (one block of rows per sum), for pppm_reduce.
inline void storeEnergyVirial(const double* acc, int r, int rows, __global double* partial) {
    for (int q = 0; q < 7; q++) partial[q * rows + r] = acc[q];
}

// Energy and virial for the split path: work item (ky, k') sums x rows kz = k' and k' + h.
__kernel void pppm_energy_split(int nx, int ny, int nz, double ukx, double uky, double ukz, double g2inv,
                                __global const real2* cs, __global const real2* twz, __global const real* greens,
                                __global double* partial) {
    int ky = get_global_id(0), kp = get_global_id(1);
    int h = nz / 2;
    if (ky >= ny || kp >= h) return;
    int rows = ny * h, r = kp * ny + ky;
    double fy = uky * perIndex(ky, ny);
    double fzs[2] = {ukz * perIndex(kp, nz), ukz * perIndex(kp + h, nz)};
    double acc[7] = {0, 0, 0, 0, 0, 0, 0};
    for (int kx = 0; kx < nx; kx++) {
        real2 xs[2];
        unpackSpectrum(cs, twz, nx, ny, h, kx, ky, kp, &xs[0], &xs[1]);
        double fx = ukx * perIndex(kx, nx);
        for (int hz = 0; hz < 2; hz++) {
            double fz = fzs[hz];
            double sqk = fx * fx + fy * fy + fz * fz;
            if (sqk == 0) continue;
            double2 d = convert_double2(xs[hz]);
            double eng = (double) greens[((kp + hz * h) * ny + ky) * nx + kx] * (d.x * d.x + d.y * d.y);
            addEnergyVirial(eng, fx, fy, fz, sqk, g2inv, acc);
        }
    }
    storeEnergyVirial(acc, r, rows, partial);
}

// Energy and virial sums: work item (l, m) sums its x row in order into 7 partial sums, then pppm_reduce sums the
// rows in order.
__kernel void pppm_energy(int nx, int ny, int nz, double ukx, double uky, double ukz, double g2inv,
                          __global const real2* dens, __global const real* greens, __global double* partial) {
    int l = get_global_id(0), m = get_global_id(1);
    if (l >= ny || m >= nz) return;
    int rows = ny * nz, r = m * ny + l;
    double fy = uky * perIndex(l, ny), fz = ukz * perIndex(m, nz);
    double acc[7] = {0, 0, 0, 0, 0, 0, 0};
    for (int c = 0; c < nx; c++) {
        int k = r * nx + c;
        double fx = ukx * perIndex(c, nx);
        double sqk = fx * fx + fy * fy + fz * fz;
        if (sqk == 0) continue;
        double2 d = convert_double2(dens[k]);
        double eng = (double) greens[k] * (d.x * d.x + d.y * d.y);
        addEnergyVirial(eng, fx, fy, fz, sqk, g2inv, acc);
    }
    storeEnergyVirial(acc, r, rows, partial);
}

__kernel void pppm_reduce(int parts, __global const double* partial, __global double* out) {
    int j = get_global_id(0);
    if (j >= 7) return;
    double s = 0;
    for (int p = 0; p < parts; p++) s += partial[j * parts + p];
    out[j] = s;
}

// Field at each atom by its stencil weights, force q E added (double accumulation).
// Work item s takes atom perm[s] (atoms in cell order: neighbouring work items read neighbouring mesh points).
__kernel void pppm_interpolate(int n, int nx, int ny, int nz, int split, double qqrd2e, __global const double* q,
                               __global const real* w, __global const int* cellxyz, __global const int* perm,
                               __global const real2* field, __global double* f) {
    int s = get_global_id(0);
    if (s >= n) return;
    int i = perm[s];
    int ntot = nx * ny * nz;
    int cx = cellxyz[3 * i], cy = cellxyz[3 * i + 1], cz = cellxyz[3 * i + 2];
    int ix[ORDER];
    real wx[ORDER];
    _Pragma("unroll") for (int a = 0; a < ORDER; a++) {
        ix[a] = wrapIndex(cx + NLOWER + a, nx);
        wx[a] = w[(3 * i) * ORDER + a];
    }
    double ekx = 0, eky = 0, ekz = 0;
    __global const real* fr = (__global const real*) field;
    int mh2 = nx * ny * nz; // 2 * (nx * ny * nz / 2) reals per field in the split layout
    _Pragma("unroll") for (int az = 0; az < ORDER; az++) {
        real z0 = w[(3 * i + 2) * ORDER + az];
        int mz = cz + NLOWER + az;
        mz += mz < 0 ? nz : 0; mz -= mz >= nz ? nz : 0;
        _Pragma("unroll") for (int ay = 0; ay < ORDER; ay++) {
            real y0 = z0 * w[(3 * i + 1) * ORDER + ay];
            int my = cy + NLOWER + ay;
            my += my < 0 ? ny : 0; my -= my >= ny ? ny : 0;
            if (split) {
                // real value of plane mz: component mz & 1 of half-mesh plane mz / 2, fields one after the other
                int row = 2 * (((mz >> 1) * ny + my) * nx) + (mz & 1);
                _Pragma("unroll") for (int ax = 0; ax < ORDER; ax++) {
                    int idx = row + 2 * ix[ax];
                    real x0 = y0 * wx[ax];
                    ekx -= x0 * fr[idx];
                    eky -= x0 * fr[mh2 + idx];
                    ekz -= x0 * fr[2 * mh2 + idx];
                }
            } else {
                int row = (mz * ny + my) * nx;
                _Pragma("unroll") for (int ax = 0; ax < ORDER; ax++) {
                    int idx = row + ix[ax];
                    real x0 = y0 * wx[ax];
                    real2 fxy = field[idx];
                    ekx -= x0 * fxy.x;
                    eky -= x0 * fxy.y;
                    ekz -= x0 * field[ntot + idx].x;
                }
            }
        }
    }
    double qf = qqrd2e * q[i];
    f[3 * i] += qf * ekx;
    f[3 * i + 1] += qf * eky;
    f[3 * i + 2] += qf * ekz;
}
