// Neighbour list and pair forces of the OpenCL MD backend (ClForces). Positions, forces: 3n doubles x0,y0,z0,x1,...
// Orthogonal periodic box [lo, lo + l). Deterministic: integer atomics only count, every cell's atoms are sorted by
// index, each atom walks its cells in a fixed order and sums only its own forces (full list).
// Build options: -DMIXED (float pair math, double accumulation), -DNS=<species count>.
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

#ifdef MIXED
typedef float real;
#else
typedef double real;
#endif

#define EWALD_P 0.3275911
#define A1 0.254829592
#define A2 -0.284496736
#define A3 1.421413741
#define A4 -1.453152027
#define A5 1.061405429
#define TWO_OVER_SQRT_PI 1.1283791670955126

/** Entry = j << IMG_BITS | image code; 3 bits per axis, image index -3..3. */
#define IMG_BITS 9

/**
 * Where entry k of atom i lives: neighbour-major (k * n + i: coalesced loads on GPUs, where neighbouring work-items
 * read neighbouring entries) or, with -DATOM_MAJOR (CPU devices), atom-major (i * maxNbr + k: one work-item walks
 * contiguous memory, as a CPU core wants).
 */
#ifdef ATOM_MAJOR
#define NBR_AT(i, k) ((size_t) (i) * maxNbr + (k))
#else
#define NBR_AT(i, k) ((size_t) (k) * n + (i))
#endif

inline int cell_coord(double x, double lo, double l, int nc) {
    int c = (int) floor((x - lo) / l * nc);
    // atoms exactly at hi or a rounding below lo
    return c < 0 ? 0 : (c >= nc ? nc - 1 : c);
}

/**
 * Cell of every atom (cellOf: linear index; cellXyz: its three coordinates, 10 bits each), and counts per cell
 * (integer atomics: the counts do not depend on the order).
 */
__kernel void bin_count(const int n, __global const double* x, const double lox, const double loy,
                        const double loz, const double lx, const double ly, const double lz, const int ncx,
                        const int ncy, const int ncz, __global int* cellOf, __global int* count,
                        __global int* cellXyz) {
    int i = get_global_id(0);
    if (i >= n) return;
    int cx = cell_coord(x[3 * i], lox, lx, ncx), cy = cell_coord(x[3 * i + 1], loy, ly, ncy),
        cz = cell_coord(x[3 * i + 2], loz, lz, ncz);
    int c = (cz * ncy + cy) * ncx + cx;
    cellOf[i] = c;
    cellXyz[i] = cx | cy << 10 | cz << 20;
    atomic_inc(&count[c]);
}

/** Exclusive prefix sum of the counts (one work-item: a few thousand cells), resets the fill counters. */
__kernel void bin_scan(const int ncells, __global const int* count, __global int* start, __global int* fill) {
    if (get_global_id(0) != 0) return;
    int s = 0;
    for (int c = 0; c < ncells; c++) {
        start[c] = s;
        s += count[c];
        fill[c] = 0;
    }
    start[ncells] = s;
}

__kernel void bin_fill(const int n, __global const int* cellOf, __global const int* start, __global int* fill,
                       __global int* cellAtoms) {
    int i = get_global_id(0);
    if (i >= n) return;
    int c = cellOf[i];
    cellAtoms[start[c] + atomic_inc(&fill[c])] = i;
}

/** Sorts each cell's atoms by index (insertion sort; a few tens per cell): a deterministic order. */
__kernel void bin_sort(const int ncells, __global const int* start, __global int* cellAtoms) {
    int c = get_global_id(0);
    if (c >= ncells) return;
    int a = start[c], b = start[c + 1];
    for (int k = a + 1; k < b; k++) {
        int v = cellAtoms[k];
        int m = k - 1;
        while (m >= a && cellAtoms[m] > v) {
            cellAtoms[m + 1] = cellAtoms[m];
            m--;
        }
        cellAtoms[m + 1] = v;
    }
}

/** Entry = j << IMG_BITS | image code; the code of the same pair seen from atom j: image index -m per axis. */
inline int mirror_code(int code) {
    return ((6 - ((code >> 6) & 7)) << 6) | ((6 - ((code >> 3) & 7)) << 3) | (6 - (code & 7));
}

inline int owns(int i, int entry) {
    int j = entry >> IMG_BITS;
    if (j == i) {
        int code = entry & ((1 << IMG_BITS) - 1);
        return code > mirror_code(code);
    }
    return ((i + j) & 1) ? j > i : j < i;
}

// ---- spatial order: at each list build the atoms are renumbered in cell order (bin_sort's cellAtoms), so that
// neighbours are near in memory (positions, half-list reactions); ClForces keeps the map to the caller's order ----

/** dst[k * width + c] = src[order[k] * width + c]: atom k of the new order is atom order[k] of the old one. */
__kernel void gather_double(const int n, const int width, __global const int* order, __global const double* src,
                            __global double* dst) {
    int k = get_global_id(0);
    if (k >= n) return;
    int o = order[k];
    for (int c = 0; c < width; c++) dst[k * width + c] = src[o * width + c];
}

__kernel void gather_int(const int n, const int width, __global const int* order, __global const int* src,
                         __global int* dst) {
    int k = get_global_id(0);
    if (k >= n) return;
    int o = order[k];
    for (int c = 0; c < width; c++) dst[k * width + c] = src[o * width + c];
}

/** a[k] = k (the cells' atom lists once the atoms are numbered in cell order). */
__kernel void iota(const int n, __global int* a) {
    int k = get_global_id(0);
    if (k < n) a[k] = k;
}

/**
 * Neighbour list at radius rc (cutoff + skin): atom i visits the cells at offsets -S..S per axis (wrapped, with the
 * lattice image the wrap implies; distinct offsets are distinct images even when the stencil wraps around a small
 * box) in a fixed order, skipping cells out of reach. Full list: every neighbour, stored at NBR_AT(i, k) of nbr.
 * With -DHALF_LIST only the entries atom i owns (owns(), decided before the distance), stored at i * maxNbr + k.
 * count[i] is the true count even beyond maxNbr (the host then grows the list); minR2[i] the closest squared distance
 * over the listed pairs (overlap check; with the half list each pair is seen by its owner).
 */
__kernel void build_list(const int n, __global const double* x, const double lox, const double loy, const double loz,
                         const double lx, const double ly, const double lz, const int ncx, const int ncy,
                         const int ncz, const int sx, const int sy, const int sz, const double rc2,
                         __global const int* cellStart, __global const int* cellAtoms, const int maxNbr,
                         __global int* nbr, __global int* count, __global double* minR2) {
    int i = get_global_id(0);
    if (i >= n) return;
    double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
    int cx = cell_coord(xi, lox, lx, ncx), cy = cell_coord(yi, loy, ly, ncy), cz = cell_coord(zi, loz, lz, ncz);
    int cnt = 0;
    double closest = 1e300;
    double wx = lx / ncx, wy = ly / ncy, wz = lz / ncz;
    for (int oz = -sz; oz <= sz; oz++) {
        int z = cz + oz;
        int iz = (int) floor((double) z / ncz);
        z -= iz * ncz;
        // distance from atom i to the slab of this cell's image along each axis (a 1e-6 Å margin for the clamped
        // cells of atoms on the box faces): cells farther than rc in all are skipped, which leaves the list unchanged
        double gz = fmax(0.0, fmax(loz + z * wz + iz * lz - 1e-6 - zi, zi - (loz + (z + 1) * wz + iz * lz + 1e-6)));
        for (int oy = -sy; oy <= sy; oy++) {
            int y = cy + oy;
            int iy = (int) floor((double) y / ncy);
            y -= iy * ncy;
            double gy = fmax(0.0, fmax(loy + y * wy + iy * ly - 1e-6 - yi, yi - (loy + (y + 1) * wy + iy * ly + 1e-6)));
            for (int ox = -sx; ox <= sx; ox++) {
                int xx = cx + ox;
                int ix = (int) floor((double) xx / ncx);
                xx -= ix * ncx;
                int c = (z * ncy + y) * ncx + xx;
                double shx = ix * lx, shy = iy * ly, shz = iz * lz;
                int code = ((ix + 3) << 6) | ((iy + 3) << 3) | (iz + 3);
                double gx = fmax(0.0, fmax(lox + xx * wx + shx - 1e-6 - xi, xi - (lox + (xx + 1) * wx + shx + 1e-6)));
                if (gx * gx + gy * gy + gz * gz >= rc2) continue;
                for (int k = cellStart[c], e = cellStart[c + 1]; k < e; k++) {
                    int j = cellAtoms[k];
                    if (j == i && ix == 0 && iy == 0 && iz == 0) continue;
                    int entry = (j << IMG_BITS) | code;
#ifdef HALF_LIST
                    if (!owns(i, entry)) continue;
#endif
                    double dx = xi - x[3 * j] - shx, dy = yi - x[3 * j + 1] - shy, dz = zi - x[3 * j + 2] - shz;
                    double r2 = dx * dx + dy * dy + dz * dz;
                    if (r2 < rc2) {
                        if (r2 < closest) closest = r2;
                        if (cnt < maxNbr) nbr[NBR_AT(i, cnt)] = entry;
                        cnt++;
                    }
                }
            }
        }
    }
    count[i] = cnt;
    minR2[i] = closest;
}

/**
 * One pair's force over r, fpair (f_ij = fpair * (x_i - x_j)), at squared distance r2 below the cutoff, adding its
 * energies to *evdwl and *ecoul: Buckingham A exp(-r/rho) - C/r^6, the core B r^-n + D r^2 at r <= r0, screened
 * Coulomb qq erfc(g r)/r (Abramowitz-Stegun 7.1.26 as LAMMPS coul/long; g = 0: plain 1/r). qq = q_i q_j qqrd2e;
 * kk = 9 * species pair index into coef (row-major, 9 each): has, A, 1/rho, A/rho, C, B, n, D, r0^2. useTable 1: pairs
 * with r^2 >= tsMin take the screened Coulomb part from ctab and the Buckingham part beyond the core radius from btab
 * (TABLE_N intervals of 8 doubles each, per species pair in btab), cubic Hermite in s = r^2 exactly as the Java
 * backend's pair/CoulombTable and BuckCoulLong (no sqrt, exp or division per pair). useTable 2: only the screened
 * Coulomb part from the same table in the pair math's precision (ctabr: 256 kB in mixed mode, cache-resident on a
 * CPU), Buckingham and core exact. The same function serves the full and the half list, so both compute every pair
 * with the same operations.
 */
inline real pair_fpair(const real r2, const double qqd, const int kk, __global const double* coef, const double g,
                       const int useTable, const double tsMin, const double tHinv, __global const double* ctab,
                       __global const double* btab, __global const real* ctabr, double* evdwl, double* ecoul) {
    real fpair;
    if (useTable == 2 && (double) r2 >= tsMin) { // the screened Coulomb part from ctabr, Buckingham and core exact
        double u = ((double) r2 - tsMin) * tHinv;
        int it = min((int) u, TABLE_N - 1);
        real t = (real) (u - it);
        __global const real* tc = ctabr + 8 * it;
        real qq = (real) qqd;
        *ecoul += (double) (qq * (tc[0] + t * (tc[1] + t * (tc[2] + t * tc[3]))));
        fpair = qq * (tc[4] + t * (tc[5] + t * (tc[6] + t * tc[7])));
        if (coef[kk] != 0) {
            real r = sqrt(r2);
            real r2inv = (real) 1 / r2;
            if (r2 <= (real) coef[kk + 8]) {
                real rn = pow(r, -(real) coef[kk + 6]);
                real b = (real) coef[kk + 5], d = (real) coef[kk + 7];
                fpair += ((real) coef[kk + 6] * b * rn - (real) 2 * d * r2) * r2inv;
                *evdwl += (double) (b * rn + d * r2);
            } else {
                real rexp = exp(-r * (real) coef[kk + 2]);
                real r6inv = r2inv * r2inv * r2inv;
                fpair += ((real) coef[kk + 3] * r * rexp - (real) 6 * (real) coef[kk + 4] * r6inv) * r2inv;
                *evdwl += (double) ((real) coef[kk + 1] * rexp - (real) coef[kk + 4] * r6inv);
            }
        }
        return fpair;
    }
    if (useTable == 1 && (double) r2 >= tsMin) {
        double u = ((double) r2 - tsMin) * tHinv;
        int it = min((int) u, TABLE_N - 1);
        real t = (real) (u - it);
        __global const double* tc = ctab + 8 * it;
        real qq = (real) qqd;
        *ecoul += (double) (qq * ((real) tc[0] + t * ((real) tc[1] + t * ((real) tc[2] + t * (real) tc[3]))));
        fpair = qq * ((real) tc[4] + t * ((real) tc[5] + t * ((real) tc[6] + t * (real) tc[7])));
        if (coef[kk] != 0) {
            if (r2 <= (real) coef[kk + 8]) {
                real r = sqrt(r2);
                real rn = pow(r, -(real) coef[kk + 6]);
                real b = (real) coef[kk + 5], d = (real) coef[kk + 7];
                fpair += ((real) coef[kk + 6] * b * rn - (real) 2 * d * r2) / r2;
                *evdwl += (double) (b * rn + d * r2);
            } else {
                __global const double* bt = btab + (size_t) (kk / 9) * (8 * TABLE_N) + 8 * it;
                *evdwl += (double) ((real) bt[0] + t * ((real) bt[1] + t * ((real) bt[2] + t * (real) bt[3])));
                fpair += (real) bt[4] + t * ((real) bt[5] + t * ((real) bt[6] + t * (real) bt[7]));
            }
        }
        return fpair;
    }
    real r = sqrt(r2);
    real rinv = (real) 1 / r;
    real r2inv = rinv * rinv;
    real fr2 = 0;
    real qq = (real) qqd;
    if (qq != 0) {
        real pre = qq * rinv;
        if (g > 0) {
            real grij = (real) g * r;
            real expm2 = exp(-grij * grij);
            real t = (real) 1 / ((real) 1 + (real) EWALD_P * grij);
            real erfcv = t * ((real) A1 + t * ((real) A2 + t * ((real) A3 + t * ((real) A4 + t * (real) A5)))) * expm2;
            fr2 += pre * (erfcv + (real) TWO_OVER_SQRT_PI * grij * expm2);
            *ecoul += (double) (pre * erfcv);
        } else {
            fr2 += pre;
            *ecoul += (double) pre;
        }
    }
    if (coef[kk] != 0) {
        if (r2 <= (real) coef[kk + 8]) {
            real rn = pow(r, -(real) coef[kk + 6]);
            real b = (real) coef[kk + 5], d = (real) coef[kk + 7];
            fr2 += (real) coef[kk + 6] * b * rn - (real) 2 * d * r2;
            *evdwl += (double) (b * rn + d * r2);
        } else {
            real rexp = exp(-r * (real) coef[kk + 2]);
            real r6inv = r2inv * r2inv * r2inv;
            fr2 += (real) coef[kk + 3] * r * rexp - (real) 6 * (real) coef[kk + 4] * r6inv;
            *evdwl += (double) ((real) coef[kk + 1] * rexp - (real) coef[kk + 4] * r6inv);
        }
    }
    return fr2 * r2inv;
}

/**
 * The difference x_i - x_j - image shift of list entry `code` (j = code >> IMG_BITS) in double (*dxd..) and in the pair
 * math's precision (*dx..); returns r^2 in that precision.
 */
inline real pair_delta(const int code, const double xi, const double yi, const double zi, __global const double* x,
                       const double lx, const double ly, const double lz, double* dxd, double* dyd, double* dzd,
                       real* dx, real* dy, real* dz) {
    int j = code >> IMG_BITS;
    int ix = ((code >> 6) & 7) - 3, iy = ((code >> 3) & 7) - 3, iz = (code & 7) - 3;
    *dxd = xi - x[3 * j] - ix * lx;
    *dyd = yi - x[3 * j + 1] - iy * ly;
    *dzd = zi - x[3 * j + 2] - iz * lz;
    *dx = (real) *dxd; *dy = (real) *dyd; *dz = (real) *dzd;
    return *dx * *dx + *dy * *dy + *dz * *dz;
}

/**
 * Full list: adds the pairs of atom i at entries first, first + step, ... of its list to s (11 doubles: force x y z,
 * evdwl, ecoul, virial xx yy zz xy xz yz; each pair's energies and virial in full, the caller halves them).
 */
inline void full_list_sums(const int i, const int first, const int step, const int n, __global const double* x,
                           __global const double* q, __global const int* species, const double lx, const double ly,
                           const double lz, __global const int* nbr, __global const int* count, const double cut2,
                           const double g, const double qqrd2e, __global const double* coef, const int useTable,
                           const double tsMin, const double tHinv, __global const double* ctab,
                           __global const double* btab, const int maxNbr, __global const real* ctabr, double* s) {
    double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
    double qi = q[i] * qqrd2e;
    int row = species[i] * NS;
    int cnt = count[i];
    for (int k = first; k < cnt; k += step) {
        int code = nbr[NBR_AT(i, k)];
        int j = code >> IMG_BITS;
        double dxd, dyd, dzd;
        real dx, dy, dz;
        real r2 = pair_delta(code, xi, yi, zi, x, lx, ly, lz, &dxd, &dyd, &dzd, &dx, &dy, &dz);
        if (r2 >= (real) cut2) continue;
        real fpair = pair_fpair(r2, qi * q[j], (row + species[j]) * 9, coef, g, useTable, tsMin, tHinv, ctab, btab,
                                ctabr, &s[3], &s[4]);
        double px = (double) (dx * fpair), py = (double) (dy * fpair), pz = (double) (dz * fpair);
        s[0] += px; s[1] += py; s[2] += pz;
        s[5] += dxd * px; s[6] += dyd * py; s[7] += dzd * pz;
        s[8] += dxd * py; s[9] += dxd * pz; s[10] += dyd * pz;
    }
}

/** Writes atom i's force and half its pair energies and virial (each pair is in both atoms' lists) from sums t. */
inline void full_list_store(const int i, const double* t, __global double* f, __global double* eatom) {
    f[3 * i] = t[0]; f[3 * i + 1] = t[1]; f[3 * i + 2] = t[2];
    __global double* e = eatom + 8 * i;
    e[0] = 0.5 * t[3]; e[1] = 0.5 * t[4];
    e[2] = 0.5 * t[5]; e[3] = 0.5 * t[6]; e[4] = 0.5 * t[7]; e[5] = 0.5 * t[8]; e[6] = 0.5 * t[9]; e[7] = 0.5 * t[10];
}

/**
 * Pair forces of atom i over its full list (each pair computed by both its atoms; no atomics, the GPU default): writes
 * f_i (overwrites) and per atom half the pair energies and virial (8 doubles: evdwl, ecoul, xx yy zz xy xz yz).
 */
__kernel void pair_force(const int n, __global const double* x, __global const double* q,
                         __global const int* species, const double lx, const double ly, const double lz,
                         __global const int* nbr, __global const int* count, const double cut2, const double g,
                         const double qqrd2e, __global const double* coef, __global double* f,
                         __global double* eatom, const int useTable, const double tsMin, const double tHinv,
                         __global const double* ctab, __global const double* btab, const int maxNbr,
                         __global const real* ctabr) {
    int i = get_global_id(0);
    if (i >= n) return;
    double t[11] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    full_list_sums(i, 0, 1, n, x, q, species, lx, ly, lz, nbr, count, cut2, g, qqrd2e, coef, useTable, tsMin, tHinv,
                   ctab, btab, maxNbr, ctabr, t);
    full_list_store(i, t, f, eatom);
}

/**
 * pair_force with TPA work items per atom (build option -DTPA=T, T a power of two dividing the work-group size
 * LOCAL, -DLOCAL=L): lane l of atom i takes entries l, l + T, l + 2T, ... of i's full list (atom-major layout keeps
 * the lanes' loads side by side), and lane 0 adds the T partial sums in lane order, so the result is deterministic and
 * differs from pair_force only in summation order. For GPUs, where one work item per atom leaves a small system
 * (10k atoms) far fewer threads than the device runs at once; the same outputs as pair_force.
 */
__kernel void pair_force_tpa(const int n, __global const double* x, __global const double* q,
                             __global const int* species, const double lx, const double ly, const double lz,
                             __global const int* nbr, __global const int* count, const double cut2, const double g,
                             const double qqrd2e, __global const double* coef, __global double* f,
                             __global double* eatom, const int useTable, const double tsMin, const double tHinv,
                             __global const double* ctab, __global const double* btab, const int maxNbr,
                             __global const real* ctabr) {
#ifdef TPA
    __local double part[11 * LOCAL];
    int gid = get_global_id(0), lid = get_local_id(0);
    int i = gid / TPA, lane = gid % TPA;
    double sums[11] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    if (i < n) {
        full_list_sums(i, lane, TPA, n, x, q, species, lx, ly, lz, nbr, count, cut2, g, qqrd2e, coef, useTable, tsMin,
                       tHinv, ctab, btab, maxNbr, ctabr, sums);
    }
    for (int c = 0; c < 11; c++) part[11 * lid + c] = sums[c];
    barrier(CLK_LOCAL_MEM_FENCE);
    if (i < n && lane == 0) {
        double t[11] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        for (int l = 0; l < TPA; l++) {
            for (int c = 0; c < 11; c++) t[c] += part[11 * (lid + l) + c];
        }
        full_list_store(i, t, f, eatom);
    }
#endif
}

// ---- half list (CPU devices): each pair computed once, its reaction added deterministically ----
//
// Owner of a pair (owns()): for i != j the lower index when i + j is odd, the higher when even (so each atom owns
// about half of its neighbours, whatever its index); a pair of an atom with its own periodic image (small boxes)
// belongs to the entry whose image code is the larger of the two mirror codes. build_list (-DHALF_LIST) lists each
// atom's owned entries only. pair_chunks splits the atoms into fixed chunks with a force copy each, as LAMMPS' OpenMP
// styles give each thread its own force array; sum_chunks adds the copies in chunk order. No atomics: bit-identical run
// to run for a given chunk count.

/** Positions and charges in the pair math's precision, 4 per atom (x, y, z, q): pair_chunks' inputs. */
__kernel void pack_xq(const int n, __global const double* x, __global const double* q, __global real* xq) {
    int i = get_global_id(0);
    if (i >= n) return;
    xq[4 * i] = (real) x[3 * i]; xq[4 * i + 1] = (real) x[3 * i + 1]; xq[4 * i + 2] = (real) x[3 * i + 2];
    xq[4 * i + 3] = (real) q[i];
}

/** pair_chunks: the coefficients of partner species m by selects (written out: a loop would stop the vectoriser). */
#define PICK_ONE(m) { \
        int is = sj == (m); \
        kHas = is ? cHas[m] : kHas; kA = is ? cA[m] : kA; kRhoInv = is ? cRhoInv[m] : kRhoInv; \
        kArho = is ? cArho[m] : kArho; kC = is ? cC[m] : kC; kR02 = is ? cR02[m] : kR02; }
#define PICK_SPECIES(m) PICK_IF_##m
#define PICK_IF_1 PICK_GUARD(1)
#define PICK_IF_2 PICK_GUARD(2)
#define PICK_IF_3 PICK_GUARD(3)
#define PICK_IF_4 PICK_GUARD(4)
#define PICK_IF_5 PICK_GUARD(5)
#define PICK_IF_6 PICK_GUARD(6)
#define PICK_IF_7 PICK_GUARD(7)
#define PICK_GUARD(m) if (NS > (m)) PICK_ONE((m) < NS ? (m) : 0)

/**
 * Pair forces over the half list, one work item (a work-group of 1) per chunk c of `chunks` fixed, contiguous ranges
 * of atoms: the chunk zeroes its copy of the forces (fcopy + 3 n c, doubles), walks its atoms in order and adds each
 * owned pair's force to atom i and the reaction to atom j in that copy. epart[8 c..]: the chunk's pair energies and
 * virial (evdwl, ecoul, xx yy zz xy xz yz), each pair counted once.
 *
 * Two passes per atom, so that a CPU compiler vectorises the pair math (PoCL: 8 floats a vector; the restrict
 * pointers let it prove that the scratch does not alias the inputs): pass 1 computes every listed pair without
 * branches (the cutoff and pairs without a short-range part are selects; the row's coefficients for each partner
 * species are picked by selects, as gathering them per pair cost a third of the kernel) from positions and charges
 * in the pair math's precision (pack_xq) into the chunk's scratch (planes of maxNbr reals: force x y z, short-range and
 * Coulomb energy, difference x y z, core flag); pass 2 adds them up in list order and scatters the reactions. Pairs
 * inside a core radius (r <= r0, rare: B r^-n needs pow, which does not vectorise) are flagged in pass 1 and computed
 * by pair_fpair in pass 2. The terms are pair_fpair's exact path (the tables of setTabulated / setCoulombTable are
 * full-list options). 11k atoms, mixed, PoCL on 2 cores: 29-31 ms against 46 ms for the same kernel in one pass.
 */
__kernel void pair_chunks(const int n, const int chunks, __global const real* restrict xq,
                          __global const double* restrict q, __global const int* restrict species, const double lx,
                          const double ly, const double lz, __global const int* restrict hlist,
                          __global const int* restrict halfCount, const double cut2, const double g,
                          const double qqrd2e, __global const real* restrict coef, __global double* restrict fcopy,
                          __global double* restrict epart, const int maxNbr, __global real* restrict scratch,
                          __global const double* restrict coefd) {
    int c = get_global_id(0);
    if (c >= chunks) return;
    __global double* restrict fc = fcopy + (size_t) 3 * n * c;
    for (int k = 0; k < 3 * n; k++) fc[k] = 0;
    __global real* restrict sfx = scratch + (size_t) 9 * maxNbr * c;
    __global real* restrict sfy = sfx + maxNbr;
    __global real* restrict sfz = sfy + maxNbr;
    __global real* restrict sev = sfz + maxNbr;
    __global real* restrict sec = sev + maxNbr;
    __global real* restrict sdx = sec + maxNbr;
    __global real* restrict sdy = sdx + maxNbr;
    __global real* restrict sdz = sdy + maxNbr;
    __global real* restrict score = sdz + maxNbr;
    int first = (int) ((long) n * c / chunks), end = (int) ((long) n * (c + 1) / chunks);
    double evdwl = 0, ecoul = 0, vxx = 0, vyy = 0, vzz = 0, vxy = 0, vxz = 0, vyz = 0;
    real rcut2 = (real) cut2, rg = (real) g, rlx = (real) lx, rly = (real) ly, rlz = (real) lz;
    for (int i = first; i < end; i++) {
        real xi = xq[4 * i], yi = xq[4 * i + 1], zi = xq[4 * i + 2], qi = (real) qqrd2e * xq[4 * i + 3];
        double qid = q[i] * qqrd2e;
        int row = species[i] * NS;
        int cnt = halfCount[i];
        __global const int* restrict a = hlist + (size_t) i * maxNbr;
        // this row's coefficients for each partner species, picked by selects in the loop (not gathered per pair)
        real cHas[NS], cA[NS], cRhoInv[NS], cArho[NS], cC[NS], cR02[NS];
        for (int m = 0; m < NS; m++) {
            int km = (row + m) * 9;
            cHas[m] = coef[km]; cA[m] = coef[km + 1]; cRhoInv[m] = coef[km + 2]; cArho[m] = coef[km + 3];
            cC[m] = coef[km + 4]; cR02[m] = coef[km + 8];
        }
#pragma clang loop vectorize_width(8)
        for (int k = 0; k < cnt; k++) { // pass 1: vectorised
            int code = a[k];
            int j = code >> IMG_BITS;
            int ix = ((code >> 6) & 7) - 3, iy = ((code >> 3) & 7) - 3, iz = (code & 7) - 3;
            real dx = xi - xq[4 * j] - ix * rlx;
            real dy = yi - xq[4 * j + 1] - iy * rly;
            real dz = zi - xq[4 * j + 2] - iz * rlz;
            real r2raw = dx * dx + dy * dy + dz * dz;
            int in = r2raw < rcut2;
            real r2 = in ? r2raw : (real) 1;
            int sj = species[j];
            real kHas = cHas[0], kA = cA[0], kRhoInv = cRhoInv[0], kArho = cArho[0], kC = cC[0], kR02 = cR02[0];
            PICK_SPECIES(1) PICK_SPECIES(2) PICK_SPECIES(3) PICK_SPECIES(4) PICK_SPECIES(5) PICK_SPECIES(6)
            PICK_SPECIES(7)
            real r = sqrt(r2);
            real rinv = (real) 1 / r;
            real r2inv = rinv * rinv;
            real pre = qi * xq[4 * j + 3] * rinv;
            real grij = rg * r;
            real expm2 = exp(-grij * grij);
            real t = (real) 1 / ((real) 1 + (real) EWALD_P * grij);
            real erfcv = g > 0 ? t * ((real) A1 + t * ((real) A2 + t * ((real) A3 + t * ((real) A4 + t * (real) A5)))) * expm2
                               : (real) 1;
            real fr2 = pre * (erfcv + (real) TWO_OVER_SQRT_PI * grij * expm2);
            real rexp = exp(-r * kRhoInv);
            real r6inv = r2inv * r2inv * r2inv;
            real fb = kArho * r * rexp - (real) 6 * kC * r6inv;
            real eb = kA * rexp - kC * r6inv;
            int has = kHas != 0;
            int core = has & (r2 <= kR02);
            int plain = in & !core;
            real fpair = plain ? (fr2 + (has ? fb : (real) 0)) * r2inv : (real) 0;
            sfx[k] = dx * fpair; sfy[k] = dy * fpair; sfz[k] = dz * fpair;
            sev[k] = plain & has ? eb : (real) 0;
            sec[k] = plain ? pre * erfcv : (real) 0;
            sdx[k] = dx; sdy[k] = dy; sdz[k] = dz;
            score[k] = in & core ? (real) 1 : (real) 0;
        }
        double fx = 0, fy = 0, fz = 0;
        for (int k = 0; k < cnt; k++) { // pass 2: sums in list order, reactions
            int j = a[k] >> IMG_BITS;
            double px = (double) sfx[k], py = (double) sfy[k], pz = (double) sfz[k];
            if (score[k] != 0) { // inside a core radius: pair_fpair's exact path
                real dx = sdx[k], dy = sdy[k], dz = sdz[k];
                real fpair = pair_fpair(dx * dx + dy * dy + dz * dz, qid * q[j], (row + species[j]) * 9, coefd, g, 0,
                                        0, 0, coefd, coefd, coef, &evdwl, &ecoul);
                px = (double) (dx * fpair); py = (double) (dy * fpair); pz = (double) (dz * fpair);
            } else {
                evdwl += (double) sev[k];
                ecoul += (double) sec[k];
            }
            fx += px; fy += py; fz += pz;
            fc[3 * j] -= px; fc[3 * j + 1] -= py; fc[3 * j + 2] -= pz;
            double dxd = (double) sdx[k], dyd = (double) sdy[k], dzd = (double) sdz[k];
            vxx += dxd * px; vyy += dyd * py; vzz += dzd * pz;
            vxy += dxd * py; vxz += dxd * pz; vyz += dyd * pz;
        }
        fc[3 * i] += fx; fc[3 * i + 1] += fy; fc[3 * i + 2] += fz;
    }
    __global double* e = epart + 8 * c;
    e[0] = evdwl; e[1] = ecoul;
    e[2] = vxx; e[3] = vyy; e[4] = vzz; e[5] = vxy; e[6] = vxz; e[7] = vyz;
}

/** f = the sum of pair_chunks' force copies, in chunk order (one work item per force component). */
__kernel void sum_chunks(const int n, const int chunks, __global const double* fcopy, __global double* f) {
    int k = get_global_id(0);
    if (k >= 3 * n) return;
    double s = 0;
    for (int c = 0; c < chunks; c++) s += fcopy[(size_t) 3 * n * c + k];
    f[k] = s;
}

/** Sums of `width` values per atom over fixed blocks of `block` atoms, in atom order: partial[b * width + c]. */
__kernel void reduce_blocks(const int n, const int width, const int block, __global const double* values,
                            __global double* partial) {
    int b = get_global_id(0);
    int lo = b * block;
    if (lo >= n) return;
    int hi = min(n, lo + block);
    for (int c = 0; c < width; c++) {
        double s = 0;
        for (int i = lo; i < hi; i++) s += values[i * width + c];
        partial[b * width + c] = s;
    }
}

// ---- device-resident velocity Verlet (ClVelocityVerlet); no contraction to FMA, so the updates are the Java ones ----

/** First half kick and drift: v += dtf/m f, x += dt v (dtf = dt/2 ftm2v). */
__kernel void vv_first(const int n, const double dtf, const double dt, __global double* x, __global double* v,
                       __global const double* f, __global const double* mass) {
#pragma OPENCL FP_CONTRACT OFF
    int i = get_global_id(0);
    if (i >= n) return;
    double c = dtf / mass[i];
    for (int d = 0; d < 3; d++) {
        v[3 * i + d] += c * f[3 * i + d];
        x[3 * i + d] += dt * v[3 * i + d];
    }
}

/** Second half kick. */
__kernel void vv_second(const int n, const double dtf, __global double* v, __global const double* f,
                        __global const double* mass) {
#pragma OPENCL FP_CONTRACT OFF
    int i = get_global_id(0);
    if (i >= n) return;
    double c = dtf / mass[i];
    for (int d = 0; d < 3; d++) v[3 * i + d] += c * f[3 * i + d];
}

/** v *= factor (thermostat). */
__kernel void scale_v(const int len, const double factor, __global double* v) {
    int k = get_global_id(0);
    if (k < len) v[k] *= factor;
}

/** Per fixed block of atoms, in atom order: sum m |v|^2 (partial[b]). */
__kernel void ke_blocks(const int n, const int block, __global const double* v, __global const double* mass,
                        __global double* partial) {
#pragma OPENCL FP_CONTRACT OFF
    int b = get_global_id(0);
    int lo = b * block;
    if (lo >= n) return;
    int hi = min(n, lo + block);
    double s = 0;
    for (int i = lo; i < hi; i++) {
        double vx = v[3 * i], vy = v[3 * i + 1], vz = v[3 * i + 2];
        s += mass[i] * (vx * vx + vy * vy + vz * vz);
    }
    partial[b] = s;
}

/** Per fixed block of atoms: the largest squared displacement since the list was built (rebuild check). */
__kernel void disp_blocks(const int n, const int block, __global const double* x, __global const double* x0,
                          __global double* partial) {
    int b = get_global_id(0);
    int lo = b * block;
    if (lo >= n) return;
    int hi = min(n, lo + block);
    double m = 0;
    for (int i = lo; i < hi; i++) {
        double dx = x[3 * i] - x0[3 * i], dy = x[3 * i + 1] - x0[3 * i + 1], dz = x[3 * i + 2] - x0[3 * i + 2];
        m = fmax(m, dx * dx + dy * dy + dz * dz);
    }
    partial[b] = m;
}

/** Wraps atoms into the box [lo, lo + l) per axis, counting the wraps in the image flags (as MdState.wrap). */
__kernel void wrap_atoms(const int n, __global double* x, __global int* image, const double lox, const double loy,
                         const double loz, const double lx, const double ly, const double lz) {
#pragma OPENCL FP_CONTRACT OFF
    int i = get_global_id(0);
    if (i >= n) return;
    double lo[3] = {lox, loy, loz}, l[3] = {lx, ly, lz}, s[3];
    int moved = 0;
    for (int d = 0; d < 3; d++) {
        s[d] = (x[3 * i + d] - lo[d]) / l[d];
        double fl = floor(s[d]);
        if (fl != 0) {
            s[d] -= fl;
            image[3 * i + d] += (int) fl;
            moved = 1;
        }
    }
    // as Box.toFractional/toCartesian: every coordinate of a moved atom is re-derived from its fractional one
    if (moved) for (int d = 0; d < 3; d++) x[3 * i + d] = lo[d] + l[d] * s[d];
}

// ---- device-resident NPT / tension (ClNoseHooverNpt): the per-particle updates of integrate/NoseHooverNpt ----

/** Drift: x += dt v. */
__kernel void drift_x(const int n, const double dt, __global double* x, __global const double* v) {
#pragma OPENCL FP_CONTRACT OFF
    int i = get_global_id(0);
    if (i >= n) return;
    for (int d = 0; d < 3; d++) x[3 * i + d] += dt * v[3 * i + d];
}

/** Barostat velocity scaling per axis: v_d *= f2_d. */
__kernel void scale_v_axes(const int n, const double fx, const double fy, const double fz, __global double* v) {
    int i = get_global_id(0);
    if (i >= n) return;
    v[3 * i] *= fx; v[3 * i + 1] *= fy; v[3 * i + 2] *= fz;
}

/**
 * Box change (dilation, deformation): each coordinate to fractional of the old box, s = (x - lo) / l, and back,
 * x = lo' + l' s, for every axis (as Box.toFractional/toCartesian of an orthogonal box).
 */
__kernel void remap_x(const int n, __global double* x, const double lox, const double loy, const double loz,
                      const double lx, const double ly, const double lz, const double nlox, const double nloy,
                      const double nloz, const double nlx, const double nly, const double nlz) {
#pragma OPENCL FP_CONTRACT OFF
    int i = get_global_id(0);
    if (i >= n) return;
    double sx = (x[3 * i] - lox) / lx, sy = (x[3 * i + 1] - loy) / ly, sz = (x[3 * i + 2] - loz) / lz;
    x[3 * i] = nlox + nlx * sx;
    x[3 * i + 1] = nloy + nly * sy;
    x[3 * i + 2] = nloz + nlz * sz;
}

/** Per fixed block of atoms, in atom order: the kinetic tensor sum (m mvv2e) v_a v_b, xx yy zz xy xz yz (partial[6 b + c]). */
__kernel void ke_tensor_blocks(const int n, const int block, const double mvv2e, __global const double* v,
                               __global const double* mass, __global double* partial) {
#pragma OPENCL FP_CONTRACT OFF
    int b = get_global_id(0);
    int lo = b * block;
    if (lo >= n) return;
    int hi = min(n, lo + block);
    double t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0;
    for (int i = lo; i < hi; i++) {
        double m = mass[i] * mvv2e;
        double vx = v[3 * i], vy = v[3 * i + 1], vz = v[3 * i + 2];
        t0 += m * vx * vx; t1 += m * vy * vy; t2 += m * vz * vz;
        t3 += m * vx * vy; t4 += m * vx * vz; t5 += m * vy * vz;
    }
    __global double* p = partial + 6 * b;
    p[0] = t0; p[1] = t1; p[2] = t2; p[3] = t3; p[4] = t4; p[5] = t5;
}

// ---- device-resident FIRE (ClFireMinimizer): the per-particle updates of integrate/FireMinimizer ----

/** Java's Math.max: a NaN wins (and stays), so a non-finite force ends the minimisation as in FireMinimizer. */
inline double nan_max(double m, double q) {
    return (isnan(m) || isnan(q)) ? NAN : (q > m ? q : m);
}

/**
 * Per fixed block of atoms, in atom order over the 3 components of each: P = F.v, |v|^2, |F|^2 (sums, in the Java
 * loop's order within the block) and the largest |F_i|^2 (partial[4 b + 0..3]).
 */
__kernel void fire_sums_blocks(const int n, const int block, __global const double* v, __global const double* f,
                               __global double* partial) {
#pragma OPENCL FP_CONTRACT OFF
    int b = get_global_id(0);
    int lo = b * block;
    if (lo >= n) return;
    int hi = min(n, lo + block);
    double p = 0, vv = 0, ff = 0, fm = 0;
    for (int k = 3 * lo; k < 3 * hi; k++) {
        p += f[k] * v[k];
        vv += v[k] * v[k];
        ff += f[k] * f[k];
    }
    for (int i = lo; i < hi; i++) {
        double fx = f[3 * i], fy = f[3 * i + 1], fz = f[3 * i + 2];
        fm = nan_max(fm, fx * fx + fy * fy + fz * fz);
    }
    __global double* o = partial + 4 * b;
    o[0] = p; o[1] = vv; o[2] = ff; o[3] = fm;
}

/**
 * FIRE mixing and kick: mix != 0: v = (1 - alpha) v + scale F, else v = 0; then v += dtf / m F (dtf = dt ftm2v), the
 * Java operations and order (oneMinusAlpha computed on the host).
 */
__kernel void fire_mix_kick(const int n, const int mix, const double oneMinusAlpha, const double scale,
                            const double dtf, __global double* v, __global const double* f,
                            __global const double* mass) {
#pragma OPENCL FP_CONTRACT OFF
    int i = get_global_id(0);
    if (i >= n) return;
    double c = dtf / mass[i];
    for (int d = 0; d < 3; d++) {
        int k = 3 * i + d;
        double vk = mix ? oneMinusAlpha * v[k] + scale * f[k] : 0.0;
        v[k] = vk + c * f[k];
    }
}

/** Per fixed block of atoms: the largest |v_i|^2 dt^2 (the squared step before the displacement cap; partial[b]). */
__kernel void fire_step_blocks(const int n, const int block, const double dt, __global const double* v,
                               __global double* partial) {
#pragma OPENCL FP_CONTRACT OFF
    int b = get_global_id(0);
    int lo = b * block;
    if (lo >= n) return;
    int hi = min(n, lo + block);
    double m = 0;
    for (int i = lo; i < hi; i++) {
        double vx = v[3 * i], vy = v[3 * i + 1], vz = v[3 * i + 2];
        m = nan_max(m, (vx * vx + vy * vy + vz * vz) * dt * dt);
    }
    partial[b] = m;
}
