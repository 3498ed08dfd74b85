package org.glasssoftness.core.md.opencl;

import static org.jocl.CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_MEM_OBJECT_ALLOCATION_FAILURE;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_OUT_OF_HOST_MEMORY;
import static org.jocl.CL.CL_OUT_OF_RESOURCES;
import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;
import static org.jocl.CL.CL_SUCCESS;
import static org.jocl.CL.CL_TRUE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.Units;
import org.glasssoftness.core.md.kspace.Pppm;
import org.glasssoftness.core.model.Box;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * PPPM on an OpenCL device: the same method, parameters and results as {@link Pppm} (order-p B-spline assignment, ik
 * differentiation, Hockney-Eastwood optimal influence function, g and mesh chosen by {@link Pppm#chooseParameters}),
 * with every per-step part on the device (kernels in {@code pppm.cl}):
 * <ol>
 * <li>stencils: per atom its cell and order weights per axis; the atoms counted per cell (int atomics);</li>
 * <li>a counting sort of the atoms by cell (scan of the counts, placement, then atoms of each cell put in index
 * order), and sorted copies of the weights;</li>
 * <li>charge assignment as a gather: each mesh point sums the atoms of the order^3 cells whose stencils cover it,
 * always in the order (z cell, y cell, ascending x cell and atom index), whether a work item makes a whole x row
 * (CPUs) or a few mesh points (GPUs): no floating-point atomics, the same bits on every call;</li>
 * <li>3D FFT: batched mixed-radix Stockham passes (radix 9, 8, 6, 4, 5, 3, 2; one kernel per pass and axis); for
 * even nz real transforms by z-splitting (one forward and three backward half-mesh transforms), else one forward and
 * two backward full complex ones (A_x + i A_y and A_z);</li>
 * <li>Poisson solve and ik differentiation; energy and virial (when asked) as per-row sums added in a fixed
 * order;</li>
 * <li>force interpolation per atom (in cell order), added to the caller's force buffer.</li>
 * </ol>
 * The influence function is computed on the device (one kernel, O(mesh points x aliasing images)) at the first call
 * after {@link #setup} and whenever the box lengths differ from the previous call (NPT, tension); g and the mesh stay
 * those of setup, as in LAMMPS between setups.
 *
 * <p>Modes: double (everything in double) or mixed (mesh, weights, FFT and field interpolation in float; positions,
 * mesh-point sums, forces, energy and virial accumulated in double). The device must support cl_khr_fp64 in both.
 * The queue must be in order (the caller's kernels that produce positions and consume forces run on it too);
 * {@link #compute} without a virial enqueues everything and returns without waiting.
 *
 * <p>Not thread safe; one instance per queue.
 */
public final class ClPppm implements AutoCloseable {
    /** Resource name of the kernel source (next to this class). */
    static final String SOURCE = "pppm.cl";
    /** FFT radices, tried in this order when factoring a length (fewest passes for the 2-3-5 lengths PPPM uses). */
    private static final int[] RADICES = {9, 8, 6, 4, 5, 3, 2};
    private static final int WG = 64;

    private final cl_context context;
    private final cl_command_queue queue;
    private final cl_device_id device;
    private final boolean mixed;
    private final int order;
    private final int realBytes;
    private final Pppm params;
    private final cl_program program;
    private final cl_kernel kStencil, kScanChunks, kScanTop, kScanWrite, kPlace, kSortCells, kGatherPrep, kAssign,
            kAssignRow, kGreens, kPoisson, kPoissonSplit, kEnergySplit, kEnergy, kReduce, kInterpolate;
    private final List<cl_mem> buffers = new ArrayList<>();
    /** FFT pass kernels by radix (x lines; y and z lines). */
    private final cl_kernel[] kFftX = new cl_kernel[10], kFftYZ = new cl_kernel[10];

    private final int maxAssignChunk;
    /**
     * The device's largest allocation (CL_DEVICE_MAX_MEM_ALLOC_SIZE); requests above it fail before the driver is
     * asked. Package-private: a test lowers it to check the out-of-memory report on any device.
     */
    long maxAllocBytes;
    /** A CPU device (PoCL): longer assign chunks. */
    private final boolean cpu;
    /**
     * Mesh points per assign work item, 0 for whole x rows (CPUs, nx <= ROW_MAX); results do not depend on it.
     * Package-private for the test that says so.
     */
    int assignChunk;
    /** Longest x row of pppm_assign_row (ROWMAX of pppm.cl). */
    private static final int ROW_MAX = 128;
    /** Work-group size of pppm_assign_row (its row accumulator is private memory: the runtime's stack on CPUs). */
    private static final int ROW_GROUP = 4;
    private int n = -1, nx, ny, nz, ntot, chunk, nchunks;
    private double qsum, qsqsum;
    private double lastLx = Double.NaN, lastLy = Double.NaN, lastLz = Double.NaN;
    private boolean closed;
    private cl_mem qBuf, wBuf, cellxyzBuf, cellBuf, countBuf, chunkBuf, startBuf, cursorBuf, permBuf, swBuf, scellxBuf,
            greensBuf, fftA, fftB, twX, twY, twZ, twH, rhoBuf, partialBuf, sumsBuf;
    private int[] radX, radY, radZ, radH;
    /** Influence-function axis tables on the device (rewritten at each box change) and their length in doubles. */
    private cl_mem greensTab;
    private int greensTabLength;
    /**
     * Real transforms by z-splitting (even nz): the density and the three fields packed as half meshes, one forward
     * and three backward transforms of nx x ny x nz/2; else full complex transforms (one forward of the density,
     * backward of A_x + i A_y and of A_z). Package-private: the tests run both paths.
     */
    boolean split;

    public ClPppm(cl_context context, cl_command_queue queue, cl_device_id device, boolean mixed,
                  double accuracyRelative, double cutoffA, int order) {
        this.context = context;
        this.queue = queue;
        this.device = device;
        this.mixed = mixed;
        this.order = order;
        this.params = new Pppm(accuracyRelative, cutoffA, order);
        this.realBytes = mixed ? Sizeof.cl_float : Sizeof.cl_double;
        String real = mixed ? "float" : "double";
        long[] type = new long[1];
        check(CL.clGetDeviceInfo(device, CL.CL_DEVICE_TYPE, Sizeof.cl_long, Pointer.to(type), null), "clGetDeviceInfo");
        // CPUs: long chunks of mesh points per assign work item (fewer cell-row look-ups); GPUs: short (parallelism)
        cpu = (type[0] & CL.CL_DEVICE_TYPE_CPU) != 0;
        long[] max = new long[1];
        check(CL.clGetDeviceInfo(device, CL_DEVICE_MAX_MEM_ALLOC_SIZE, Sizeof.cl_ulong, Pointer.to(max), null),
                "clGetDeviceInfo");
        maxAllocBytes = max[0];
        long[] fp64 = new long[1];
        check(CL.clGetDeviceInfo(device, CL.CL_DEVICE_DOUBLE_FP_CONFIG, Sizeof.cl_long, Pointer.to(fp64), null),
                "clGetDeviceInfo");
        if (fp64[0] == 0) {
            throw new UnsupportedOperationException("the OpenCL device " + deviceName(device) + " has no double "
                    + "precision (cl_khr_fp64), which the device PPPM needs in both modes (positions, forces, sums)");
        }
        maxAssignChunk = cpu ? 32 : 4;
        program = buildProgram(context, device, SOURCE, loadSource(),
                "-DREAL=" + real + " -DREAL2=" + real + "2 -DORDER=" + order + " -DACHUNK=" + maxAssignChunk);
        try {
            kStencil = kernel("pppm_stencil");
            kScanChunks = kernel("pppm_scan_chunks");
            kScanTop = kernel("pppm_scan_top");
            kScanWrite = kernel("pppm_scan_write");
            kPlace = kernel("pppm_place");
            kSortCells = kernel("pppm_sort_cells");
            kGatherPrep = kernel("pppm_gather_prep");
            kAssign = kernel("pppm_assign");
            kAssignRow = kernel("pppm_assign_row");
            kGreens = kernel("pppm_greens");
            for (int r : RADICES) {
                kFftX[r] = kernel("pppm_fft_x" + r);
                kFftYZ[r] = kernel("pppm_fft_yz" + r);
            }
            kPoisson = kernel("pppm_poisson");
            kPoissonSplit = kernel("pppm_poisson_split");
            kEnergySplit = kernel("pppm_energy_split");
            kEnergy = kernel("pppm_energy");
            kReduce = kernel("pppm_reduce");
            kInterpolate = kernel("pppm_interpolate");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private final List<cl_kernel> kernels = new ArrayList<>();

    private cl_kernel kernel(String name) {
        int[] err = new int[1];
        cl_kernel k;
        try {
            k = CL.clCreateKernel(program, name, err);
        } catch (CLException e) {
            throw new IllegalStateException("OpenCL kernel " + name + " of " + SOURCE + ": " + e.getMessage(), e);
        }
        check(err[0], "clCreateKernel " + name);
        kernels.add(k);
        return k;
    }

    /** Fixes g and the mesh instead of choosing them (kspace_modify gewald / mesh), as {@link Pppm#withParameters}. */
    public ClPppm withParameters(double gEwald, int meshX, int meshY, int meshZ) {
        params.withParameters(gEwald, meshX, meshY, meshZ);
        return this;
    }

    /** Splitting parameter g (1/Å) chosen by {@link #setup}; the real-space part must use it. */
    public double gEwald() { return params.gEwald(); }

    /** Mesh points per axis chosen by {@link #setup}. */
    public int[] mesh() { return params.mesh(); }

    /** As {@link Pppm#describe()} plus the mode, e.g. "pppm g=0.33068204 mesh=60,60,60 order=5 opencl double". */
    public String describe() {
        return params.describe() + (mixed ? " opencl mixed" : " opencl double");
    }

    /**
     * Chooses g and the mesh as {@link Pppm#setup} does for this state (n, charges, box), uploads the charges and
     * (re)allocates the device buffers; call again when the charges or n change.
     */
    public void setup(MdState s) {
        ensureOpen();
        params.chooseParameters(s);
        int[] mesh = params.mesh();
        for (int d = 0; d < 3; d++) {
            if (mesh[d] < order) {
                throw new IllegalArgumentException(String.format("PPPM mesh %d x %d x %d is smaller than the order %d "
                        + "along an axis; the device PPPM needs at least order points per axis (box too small for the "
                        + "accuracy?)", mesh[0], mesh[1], mesh[2], order));
            }
        }
        if ((long) mesh[0] * mesh[1] * mesh[2] > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException(String.format("PPPM mesh %d x %d x %d has more points than the device "
                    + "PPPM's 32-bit indices allow (%d)", mesh[0], mesh[1], mesh[2], Integer.MAX_VALUE / 2));
        }
        qsum = 0;
        qsqsum = 0;
        for (double q : s.charge) { qsum += q; qsqsum += q * q; }
        boolean realloc = s.n != n || mesh[0] != nx || mesh[1] != ny || mesh[2] != nz;
        if (realloc) {
            releaseBuffers();
            n = s.n;
            nx = mesh[0]; ny = mesh[1]; nz = mesh[2];
            ntot = nx * ny * nz;
            nchunks = Math.min(1024, ntot);
            chunk = (ntot + nchunks - 1) / nchunks;
            nchunks = (ntot + chunk - 1) / chunk;
            int o = order;
            try {
                // the mesh-sized buffers first: a mesh too large for the device fails before anything else is allocated
                fftA = alloc(2L * ntot * 2 * realBytes, "FFT mesh");
                fftB = alloc(2L * ntot * 2 * realBytes, "FFT mesh");
                qBuf = alloc((long) n * Sizeof.cl_double, "charges");
                wBuf = alloc((long) 3 * o * n * realBytes, "stencil weights");
                cellxyzBuf = alloc((long) 3 * n * Sizeof.cl_int, "atom cells");
                cellBuf = alloc((long) n * Sizeof.cl_int, "atom cells");
                countBuf = alloc((long) ntot * Sizeof.cl_int, "cell counts");
                chunkBuf = alloc((long) nchunks * Sizeof.cl_int, "scan chunks");
                startBuf = alloc((long) (ntot + 1) * Sizeof.cl_int, "cell starts");
                cursorBuf = alloc((long) ntot * Sizeof.cl_int, "cell cursors");
                permBuf = alloc((long) n * Sizeof.cl_int, "sorted atoms");
                swBuf = alloc((long) 3 * o * n * realBytes, "sorted weights");
                scellxBuf = alloc((long) n * Sizeof.cl_int, "sorted cells");
                greensBuf = alloc((long) ntot * realBytes, "influence function");
                radX = radices(nx); radY = radices(ny); radZ = radices(nz);
                twX = twiddles(nx); twY = twiddles(ny); twZ = twiddles(nz);
                split = nz % 2 == 0;
                radH = split ? radices(nz / 2) : null;
                twH = split ? twiddles(nz / 2) : null;
                rhoBuf = alloc((long) o * o * realBytes, "assignment coefficients");
                partialBuf = alloc(7L * ny * nz * Sizeof.cl_double, "energy partial sums");
                sumsBuf = alloc(7L * Sizeof.cl_double, "energy sums");
            } catch (RuntimeException e) {
                releaseBuffers(); // nothing half-allocated stays; the next setup allocates again
                n = -1;
                throw e;
            }
            assignChunk = cpu && nx <= ROW_MAX ? 0 : Math.min(maxAssignChunk, nx - order + 1);
        }
        write(qBuf, s.charge);
        double[][] rc = params.assignmentCoefficients();
        double[] rho = new double[order * order];
        for (int l = 0; l < order; l++) System.arraycopy(rc[l], 0, rho, l * order, order);
        writeReal(rhoBuf, rho);
        lastLx = Double.NaN; // g may have changed: influence function at the next compute
    }

    /**
     * Replaces the charges by the n doubles in {@code charges} (a device buffer of the same context): the same atoms
     * renumbered (ClForces's spatial order), so the sums setup took stay valid.
     */
    void copyCharges(cl_mem charges) {
        ensureOpen();
        check(CL.clEnqueueCopyBuffer(queue, charges, qBuf, 0, 0, (long) n * Sizeof.cl_double, 0, null, null),
                "clEnqueueCopyBuffer");
    }

    /**
     * Adds the k-space forces (eV/Å) of the atoms at {@code positions} (3n doubles, wrapped into {@code box}) to
     * {@code forces} (3n doubles). With {@code virialOut} the energy (eV, with self-energy and background terms, as
     * {@link Pppm#compute}) is returned and the virial (eV, xx yy zz xy xz yz) added to it; without, NaN is returned
     * and nothing waits for the device.
     */
    public double compute(cl_mem positions, cl_mem forces, Box box, double[] virialOut) {
        ensureOpen();
        if (box.isTriclinic()) {
            throw new UnsupportedOperationException("PPPM for triclinic boxes is not implemented yet; use Ewald");
        }
        if (n < 0) throw new IllegalStateException("ClPppm.compute before setup");
        checkSize(positions, "positions");
        checkSize(forces, "forces");
        double lx = box.lx(), ly = box.ly(), lz = box.lz();
        double g = params.gEwald();
        if (lx != lastLx || ly != lastLy || lz != lastLz) {
            int[] nb = params.aliasingImages(box);
            double[] gfB = params.denominatorCoefficients();
            double[] tx = axisTable(nx, lx, nb[0], g, gfB), ty = axisTable(ny, ly, nb[1], g, gfB),
                    tz = axisTable(nz, lz, nb[2], g, gfB);
            double[] tab = new double[tx.length + ty.length + tz.length];
            System.arraycopy(tx, 0, tab, 0, tx.length);
            System.arraycopy(ty, 0, tab, tx.length, ty.length);
            System.arraycopy(tz, 0, tab, tx.length + ty.length, tz.length);
            if (greensTab == null || greensTabLength < tab.length) {
                if (greensTab != null) {
                    buffers.remove(greensTab);
                    CL.clReleaseMemObject(greensTab);
                }
                greensTab = alloc((long) tab.length * Sizeof.cl_double, "influence-function tables");
                greensTabLength = tab.length;
            }
            write(greensTab, tab); // blocking: small, and NPT reads the virial every step anyway
            args(kGreens, nx, ny, nz, nb[0], nb[1], nb[2], tx.length, tx.length + ty.length, greensTab, greensBuf);
            run(kGreens, nx, ny, nz);
            lastLx = lx; lastLy = ly; lastLz = lz;
        }
        double dxinv = nx / lx, dyinv = ny / ly, dzinv = nz / lz;
        fill(countBuf, (long) ntot * Sizeof.cl_int);
        args(kStencil, n, positions, box.xlo(), box.ylo(), box.zlo(), dxinv, dyinv, dzinv, nx, ny, nz, rhoBuf, wBuf,
                cellxyzBuf, cellBuf, countBuf);
        run(kStencil, n);
        args(kScanChunks, ntot, chunk, nchunks, countBuf, chunkBuf);
        run(kScanChunks, nchunks);
        args(kScanTop, nchunks, chunkBuf);
        run(kScanTop, 1);
        args(kScanWrite, ntot, chunk, nchunks, countBuf, chunkBuf, startBuf, cursorBuf);
        run(kScanWrite, nchunks);
        args(kPlace, n, cellBuf, cursorBuf, permBuf);
        run(kPlace, n);
        args(kSortCells, ntot, startBuf, permBuf);
        run(kSortCells, ntot);
        args(kGatherPrep, n, dxinv * dyinv * dzinv, permBuf, qBuf, wBuf, cellxyzBuf, swBuf, scellxBuf);
        run(kGatherPrep, n);
        boolean sp = split && radH != null;
        if (assignChunk == 0 && nx <= ROW_MAX) {
            args(kAssignRow, nx, ny, nz, sp ? 1 : 0, startBuf, swBuf, scellxBuf, fftA);
            runLocal(kAssignRow, ny, nz, ROW_GROUP, 1);
        } else {
            int most = Math.min(maxAssignChunk, nx - order + 1);
            if (assignChunk < 1 || assignChunk > most) {
                throw new IllegalStateException("assign chunk " + assignChunk + " outside 1.." + most);
            }
            args(kAssign, nx, ny, nz, assignChunk, sp ? 1 : 0, startBuf, swBuf, scellxBuf, fftA);
            run(kAssign, (nx + assignChunk - 1) / assignChunk, ny, nz);
        }
        double ukx = 2 * Math.PI / lx, uky = 2 * Math.PI / ly, ukz = 2 * Math.PI / lz;
        cl_mem field;
        if (sp) {
            int h = nz / 2;
            cl_mem dens = fft3d(fftA, fftB, 1, h, radH, twH, false);
            cl_mem other = dens == fftA ? fftB : fftA;
            args(kPoissonSplit, nx, ny, nz, ukx, uky, ukz, 1.0 / ntot, dens, twZ, greensBuf, other);
            run(kPoissonSplit, nx, ny, h);
            if (virialOut != null) {
                args(kEnergySplit, nx, ny, nz, ukx, uky, ukz, 1 / (g * g), dens, twZ, greensBuf, partialBuf);
                run(kEnergySplit, ny, h, 1);
                args(kReduce, ny * h, partialBuf, sumsBuf);
                run(kReduce, 7);
            }
            field = fft3d(other, dens, 3, h, radH, twH, true);
        } else {
            cl_mem dens = fft3d(fftA, fftB, 1, nz, radZ, twZ, false);
            cl_mem other = dens == fftA ? fftB : fftA;
            args(kPoisson, nx, ny, nz, ukx, uky, ukz, 1.0 / ntot, dens, greensBuf, other);
            run(kPoisson, nx, ny, nz);
            if (virialOut != null) {
                args(kEnergy, nx, ny, nz, ukx, uky, ukz, 1 / (g * g), dens, greensBuf, partialBuf);
                run(kEnergy, ny, nz, 1);
                args(kReduce, ny * nz, partialBuf, sumsBuf);
                run(kReduce, 7);
            }
            field = fft3d(other, dens, 2, nz, radZ, twZ, true);
        }
        args(kInterpolate, n, nx, ny, nz, sp ? 1 : 0, Units.QQR2E, qBuf, wBuf, cellxyzBuf, permBuf, field, forces);
        run(kInterpolate, n);
        double energy = Double.NaN;
        if (virialOut != null) {
            double[] sums = new double[7];
            check(CL.clEnqueueReadBuffer(queue, sumsBuf, CL_TRUE, 0, 7L * Sizeof.cl_double, Pointer.to(sums), 0, null,
                    null), "read energy sums");
            double s2 = 1.0 / ((double) ntot * ntot);
            double volume = lx * ly * lz;
            energy = 0.5 * volume * sums[0] * s2;
            energy -= g * qsqsum / Math.sqrt(Math.PI) + 0.5 * Math.PI * qsum * qsum / (g * g * volume);
            energy *= Units.QQR2E;
            for (int j = 0; j < 6; j++) virialOut[j] += 0.5 * Units.QQR2E * volume * sums[1 + j] * s2;
        }
        return energy;
    }

    /** A caller's buffer must hold the 3n doubles of the atom count given to setup. */
    private void checkSize(cl_mem m, String what) {
        long[] size = new long[1];
        check(CL.clGetMemObjectInfo(m, CL.CL_MEM_SIZE, Sizeof.size_t, Pointer.to(size), null), "clGetMemObjectInfo");
        if (size[0] < 3L * n * Sizeof.cl_double) {
            throw new IllegalArgumentException(String.format("the %s buffer holds %d bytes, but the %d atoms of setup "
                    + "need 3 x %d doubles = %d bytes (call setup again when the atom count changes)", what, size[0], n,
                    n, 3L * n * Sizeof.cl_double));
        }
    }

    /**
     * Per-axis factors of the influence function for n mesh points over length prd (the expressions of
     * {@code Pppm.computeGreens}): per index i, k_i = 2 pi per(i) / prd, the axis factor sum_l gfB_l s^l of the
     * denominator with s = sin^2(k_i prd / 2n), then per aliasing image j = -nb..nb: q = k_i + 2 pi n j / prd and
     * exp(-(q / 2g)^2) (sin(x) / x)^(2 order) with x = q prd / 2n.
     */
    private double[] axisTable(int n, double prd, int nb, double g, double[] gfB) {
        int stride = 2 + 2 * (2 * nb + 1);
        double[] t = new double[n * stride];
        double uk = 2 * Math.PI / prd;
        for (int i = 0; i < n; i++) {
            int p = i - n * (2 * i / n);
            double sn = Math.pow(Math.sin(0.5 * uk * p * prd / n), 2);
            double d = 0;
            for (int l = order - 1; l >= 0; l--) d = gfB[l] + d * sn;
            t[i * stride] = uk * p;
            t[i * stride + 1] = d;
            for (int j = -nb; j <= nb; j++) {
                double q = uk * (p + n * j);
                double x = 0.5 * q * prd / n;
                double w = 1;
                if (x != 0) {
                    double y = Math.sin(x) / x;
                    for (int r = 0; r < 2 * order; r++) w *= y;
                }
                t[i * stride + 2 + 2 * (j + nb)] = q;
                t[i * stride + 3 + 2 * (j + nb)] = Math.exp(-0.25 * (q / g) * (q / g)) * w;
            }
        }
        return t;
    }

    /**
     * 3D FFT of {@code batch} stacked nx x ny x depth meshes in {@code a} (z radices and twiddles of length depth),
     * ping-ponging with {@code b}; returns the buffer holding the result.
     */
    private cl_mem fft3d(cl_mem a, cl_mem b, int batch, int depth, int[] radZd, cl_mem twZd, boolean backward) {
        cl_mem src = a, dst = b;
        int bw = backward ? 1 : 0;
        int ns = 1;
        for (int r : radX) { // x lines, contiguous
            args(kFftX[r], src, dst, twX, nx, ns, ny * depth * batch, bw);
            run(kFftX[r], nx / r, ny * depth * batch, 1);
            ns *= r;
            cl_mem t = src; src = dst; dst = t;
        }
        ns = 1;
        for (int r : radY) { // y lines: stride nx, depth * batch planes
            args(kFftYZ[r], src, dst, twY, ny, ns, nx, nx, nx * ny, depth * batch, bw);
            run(kFftYZ[r], nx, ny / r, depth * batch);
            ns *= r;
            cl_mem t = src; src = dst; dst = t;
        }
        ns = 1;
        for (int r : radZd) { // z lines: stride nx * ny, one per x-y point and stacked mesh
            args(kFftYZ[r], src, dst, twZd, depth, ns, nx * ny, nx * ny, nx * ny * depth, batch, bw);
            run(kFftYZ[r], nx * ny, depth / r, batch);
            ns *= r;
            cl_mem t = src; src = dst; dst = t;
        }
        return src;
    }

    /** Radix sequence for n (a product of 2, 3 and 5), largest radices first (9, 8, 6, 4, 5, 3, 2). */
    static int[] radices(int n) {
        List<Integer> r = new ArrayList<>();
        int m = n;
        for (int f : RADICES) {
            while (m % f == 0) { r.add(f); m /= f; }
        }
        if (m != 1) throw new IllegalArgumentException("FFT length " + n + " is not a product of 2, 3 and 5");
        return r.stream().mapToInt(Integer::intValue).toArray();
    }

    private cl_mem twiddles(int len) {
        double[] t = new double[2 * len];
        for (int k = 0; k < len; k++) {
            double a = -2 * Math.PI * k / len;
            t[2 * k] = Math.cos(a);
            t[2 * k + 1] = Math.sin(a);
        }
        cl_mem m = alloc((long) 2 * len * realBytes, "FFT twiddles");
        writeReal(m, t);
        return m;
    }

    // ---- OpenCL plumbing ----

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("ClPppm is closed");
    }

    private static void check(int err, String what) {
        if (err != CL_SUCCESS) {
            throw new IllegalStateException("OpenCL " + what + " failed: " + CL.stringFor_errorCode(err));
        }
    }

    private void args(cl_kernel k, Object... values) {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            Pointer p;
            long size;
            if (v instanceof cl_mem) {
                p = Pointer.to((cl_mem) v);
                size = Sizeof.cl_mem;
            } else if (v instanceof Integer) {
                p = Pointer.to(new int[] {(int) v});
                size = Sizeof.cl_int;
            } else if (v instanceof Double) {
                p = Pointer.to(new double[] {(double) v});
                size = Sizeof.cl_double;
            } else {
                throw new IllegalArgumentException("kernel argument of type " + v.getClass());
            }
            check(CL.clSetKernelArg(k, i, size, p), "clSetKernelArg " + i);
        }
    }

    /**
     * Per-kernel wall times (ns) for the benchmark: when not null, every kernel is waited for and timed (slows the call
     * down; never set in production).
     */
    java.util.Map<String, Long> profileNanos;
    /** The clock of {@link #profileNanos} (wall time; the benchmark also uses process CPU time). */
    java.util.function.LongSupplier profileClock = System::nanoTime;

    /** Enqueues k over {@code count} work items (rounded up to the work-group multiple; kernels bound-check). */
    private void run(cl_kernel k, long count) {
        run(k, (count + WG - 1) / WG * WG, 1, 1);
    }

    /** Enqueues k over a 2D range of local size lx x ly, the range rounded up to it (the kernel bound-checks). */
    private void runLocal(cl_kernel k, long gx, long gy, int lx, int ly) {
        long t0 = profileNanos == null ? 0 : profileStart();
        enqueue(k, new long[] {(gx + lx - 1) / lx * lx, (gy + ly - 1) / ly * ly}, new long[] {lx, ly});
        if (profileNanos != null) profileEnd(k, t0);
    }

    private long profileStart() {
        CL.clFinish(queue);
        return profileClock.getAsLong();
    }

    private void profileEnd(cl_kernel k, long t0) {
        CL.clFinish(queue);
        profileNanos.merge(kernelName(k), profileClock.getAsLong() - t0, Long::sum);
    }

    /** Enqueues k over an exact gx x gy x gz range (the device picks the work-group size). */
    private void run(cl_kernel k, long gx, long gy, long gz) {
        long t0 = profileNanos == null ? 0 : profileStart();
        enqueue(k, gz > 1 ? new long[] {gx, gy, gz} : gy > 1 ? new long[] {gx, gy} : new long[] {gx}, null);
        if (profileNanos != null) profileEnd(k, t0);
    }

    private static String kernelName(cl_kernel k) {
        long[] size = new long[1];
        CL.clGetKernelInfo(k, CL.CL_KERNEL_FUNCTION_NAME, 0, null, size);
        byte[] b = new byte[(int) size[0]];
        CL.clGetKernelInfo(k, CL.CL_KERNEL_FUNCTION_NAME, b.length, Pointer.to(b), null);
        return new String(b, 0, Math.max(0, b.length - 1), StandardCharsets.UTF_8);
    }

    private void enqueue(cl_kernel k, long[] global, long[] local) {
        int err;
        try {
            err = CL.clEnqueueNDRangeKernel(queue, k, global.length, null, global, local, 0, null, null);
        } catch (CLException e) {
            err = e.getStatus();
        }
        if (err == CL_MEM_OBJECT_ALLOCATION_FAILURE || err == CL_OUT_OF_RESOURCES || err == CL_OUT_OF_HOST_MEMORY) {
            throw new IllegalStateException(outOfMemory("the PPPM kernels", -1, err));
        }
        check(err, "clEnqueueNDRangeKernel");
    }

    private void fill(cl_mem m, long bytes) {
        check(CL.clEnqueueFillBuffer(queue, m, Pointer.to(new int[] {0}), Sizeof.cl_int, 0, bytes, 0, null, null),
                "clEnqueueFillBuffer");
    }

    private void write(cl_mem m, double[] v) {
        check(CL.clEnqueueWriteBuffer(queue, m, CL_TRUE, 0, (long) v.length * Sizeof.cl_double, Pointer.to(v), 0, null,
                null), "clEnqueueWriteBuffer");
    }

    private void writeReal(cl_mem m, double[] v) {
        if (!mixed) {
            write(m, v);
            return;
        }
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        check(CL.clEnqueueWriteBuffer(queue, m, CL_TRUE, 0, (long) f.length * Sizeof.cl_float, Pointer.to(f), 0, null,
                null), "clEnqueueWriteBuffer");
    }

    private String outOfMemory(String what, long bytes, int err) {
        return String.format("out of device memory for the PPPM mesh %d x %d x %d (%d points, %d atoms, %s mode): %s%s "
                        + "failed with %s", nx, ny, nz, (long) nx * ny * nz, n, mixed ? "mixed" : "double", what,
                bytes >= 0 ? " (" + bytes + " bytes asked for)" : "", CL.stringFor_errorCode(err));
    }

    private cl_mem alloc(long bytes, String what) {
        cl_mem m = allocate(context, device, bytes, maxAllocBytes, () -> outOfMemoryPrefix(what, bytes));
        buffers.add(m);
        return m;
    }

    private String outOfMemoryPrefix(String what, long bytes) {
        return String.format("out of device memory for the PPPM mesh %d x %d x %d (%d points, %d atoms, %s mode): %s "
                + "needs %d bytes", nx, ny, nz, (long) nx * ny * nz, n, mixed ? "mixed" : "double", what, bytes);
    }

    /**
     * A read-write buffer of {@code bytes}; a request above the device's largest allocation or a failed allocation
     * throws with {@code description} (what, for which mesh, how many bytes).
     */
    static cl_mem allocate(cl_context context, cl_device_id device, long bytes, long maxBytes,
                           java.util.function.Supplier<String> description) {
        if (bytes > maxBytes) {
            throw new IllegalStateException(description.get() + ", more than the largest allocation of "
                    + deviceName(device) + " (" + maxBytes + " bytes)");
        }
        int[] err = new int[1];
        cl_mem m;
        try {
            m = CL.clCreateBuffer(context, CL_MEM_READ_WRITE, Math.max(bytes, 1), null, err);
        } catch (CLException e) {
            err[0] = e.getStatus();
            m = null;
        }
        if (err[0] == CL_MEM_OBJECT_ALLOCATION_FAILURE || err[0] == CL_OUT_OF_RESOURCES
                || err[0] == CL_OUT_OF_HOST_MEMORY) {
            throw new IllegalStateException(description.get() + "; the allocation failed on " + deviceName(device)
                    + " with " + CL.stringFor_errorCode(err[0]));
        }
        check(err[0], "clCreateBuffer (" + description.get() + ")");
        return m;
    }

    static String deviceName(cl_device_id device) {
        long[] size = new long[1];
        CL.clGetDeviceInfo(device, CL_DEVICE_NAME, 0, null, size);
        byte[] b = new byte[(int) size[0]];
        CL.clGetDeviceInfo(device, CL_DEVICE_NAME, b.length, Pointer.to(b), null);
        return new String(b, 0, Math.max(0, b.length - 1), StandardCharsets.UTF_8).trim();
    }

    private static String loadSource() {
        try (InputStream in = ClPppm.class.getResourceAsStream(SOURCE)) {
            if (in == null) throw new IllegalStateException("kernel source " + SOURCE + " missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read kernel source " + SOURCE, e);
        }
    }

    /**
     * Compiles {@code source} for {@code device}; a failed build throws with the device's build log. Package-private:
     * tests build a broken source through it.
     */
    static cl_program buildProgram(cl_context context, cl_device_id device, String name, String source,
                                   String options) {
        int[] err = new int[1];
        cl_program p = CL.clCreateProgramWithSource(context, 1, new String[] {source}, null, err);
        check(err[0], "clCreateProgramWithSource " + name);
        int status;
        try {
            status = CL.clBuildProgram(p, 1, new cl_device_id[] {device}, options, null, null);
        } catch (CLException e) {
            status = e.getStatus();
        }
        if (status != CL_SUCCESS) {
            String log = buildLog(p, device);
            CL.clReleaseProgram(p);
            throw new IllegalStateException("OpenCL build of " + name + " (" + options + ") failed on "
                    + deviceName(device) + " with " + CL.stringFor_errorCode(status) + "; build log:\n" + log);
        }
        return p;
    }

    private static String buildLog(cl_program p, cl_device_id device) {
        try {
            long[] size = new long[1];
            CL.clGetProgramBuildInfo(p, device, CL_PROGRAM_BUILD_LOG, 0, null, size);
            byte[] b = new byte[(int) size[0]];
            CL.clGetProgramBuildInfo(p, device, CL_PROGRAM_BUILD_LOG, b.length, Pointer.to(b), null);
            return new String(b, 0, Math.max(0, b.length - 1), StandardCharsets.UTF_8).trim();
        } catch (CLException e) {
            return "(build log unavailable: " + e.getMessage() + ")";
        }
    }

    private void releaseBuffers() {
        for (cl_mem m : buffers) CL.clReleaseMemObject(m);
        buffers.clear();
        greensTab = null;
        greensTabLength = 0;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        releaseBuffers();
        for (cl_kernel k : kernels) CL.clReleaseKernel(k);
        kernels.clear();
        if (program != null) CL.clReleaseProgram(program);
    }
}
