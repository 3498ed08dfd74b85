package org.glasssoftness.core.md.opencl;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.glasssoftness.core.md.ForceEvaluator;
import org.glasssoftness.core.md.Forces;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.Units;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.integrate.MdInstabilityException;
import org.glasssoftness.core.md.kspace.KSpace;
import org.glasssoftness.core.md.neighbor.VerletList;
import org.glasssoftness.core.md.pair.CoulombTable;
import org.glasssoftness.core.model.Box;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * The OpenCL force backend: neighbour list ({@link ClNeighborList}: cell binning, per-cell sorted atoms, full or half
 * list at cutoff + skin, rebuilt when an atom moved more than skin/2 or the box moved its corners by more than the skin
 * allows, exactly the {@link VerletList} criterion; at each build the device's atoms are renumbered in cell order) and
 * the real-space pair forces of {@code BuckCoulLong} (exact kernel: Buckingham, core,
 * erfc Coulomb) run as kernels of {@code md.cl}; the k-space part either on the device ({@link ClPppm}, adding into
 * the same force buffer) or a {@link KSpace} computed on the host (the Java {@code kspace.Pppm}/{@code Ewald}: Ewald,
 * or the fallback when the device PPPM cannot be used). Per call: positions up, forces and per-block energy/virial sums
 * down. Two pair schemes: the full list (each pair computed by both its atoms, each atom summing its own list; the
 * default on GPUs) and, on CPU devices, a half list (each pair listed and computed once, by its owner; the atoms are
 * split into fixed chunks, each adding its pairs' forces and reactions into its own copy of the forces, and the copies
 * are summed in chunk order, as LAMMPS' OpenMP styles give each thread its own force array; the pair math runs in a
 * separate pass that the CPU compiler vectorises): half the pair math, as LAMMPS's newton-on half lists, without
 * atomics. Deterministic either way: the same input on the same device gives
 * the same forces bit for bit (fixed summation orders; energies summed over fixed blocks in atom order, or per chunk;
 * the chunk count follows the device's compute units). The two schemes add the same per-pair terms in different
 * orders, so they agree to rounding.
 *
 * <p>Precision: double, or mixed (-DMIXED: the pair math in float from double differences, forces, energies and
 * virial accumulated in double). The device needs cl_khr_fp64 for either (double accumulation).
 */
public final class ClForces implements Forces {
    /** Atoms per block of the energy/virial reduction. */
    private static final int REDUCE_BLOCK = 256;

    private final ClRuntime rt;
    private final boolean ownsRuntime;
    private final boolean mixed;
    private final double cutoff, skin;
    private final KSpace kspace;
    private final ClPppm pppm;
    private final int ns;
    private final double[] coef;
    private final cl_program program;
    private final cl_kernel kPair, kReduce;
    /** The neighbour list (binning, full or half list). */
    private final ClNeighborList list;
    /**
     * Half list (CPU devices): pair forces in fixed chunks of atoms, each with its own copy of the forces
     * ({@code chunks} x 3n doubles) and energy sums (8 doubles), and the sum of the copies.
     */
    private final cl_kernel kPackXq, kPairChunks, kSumChunks;
    /** Half list: positions and charges (4 per atom) and the pair coefficients in the pair math's precision. */
    private cl_mem dXq, dCoefR;
    private cl_mem dForceCopies, dChunkEnergies, dChunkScratch;
    private int chunks, chunkScratchPerChunk;
    private final boolean halfList;
    /** Work items per atom of the full-list pair kernel (1: pair_force; more: pair_force_tpa). */
    private final int threadsPerAtom;
    /**
     * Spatial order: device atom k is the caller's atom {@code order[k]} (null: the caller's order). At each list build
     * the atoms are renumbered in cell order on the device; every per-atom transfer goes through this map.
     */
    private final boolean spatialOrder;
    private int[] order;
    private final cl_kernel kGatherDouble, kGatherInt;
    /** Per-atom scratch buffers of the renumbering (3 doubles, 1 double, 3 ints, 1 int per atom), swapped in turn. */
    private final cl_mem[] scratch3 = new cl_mem[1], scratch1 = new cl_mem[1], scratchI3 = new cl_mem[1],
        scratchI1 = new cl_mem[1];
    /** Device-resident integration (ClVelocityVerlet). */
    private final cl_kernel kFirst, kSecond, kScale, kKe, kDisp, kWrap;
    /** Device-resident NPT/tension (ClNoseHooverNpt). */
    private final cl_kernel kDrift, kScaleAxes, kRemap, kKeTensor;
    /** Device-resident FIRE (ClFireMinimizer). */
    private final cl_kernel kFireSums, kFireMixKick, kFireStep;
    private cl_mem dV, dMass, dImage, dX0, dBlocks, dBlocks6;
    private double[] blockValues, blockValues6;
    private Box residentBoxAtBuild;
    /** The buffers this object holds (released on re-allocation and close) with their sizes in bytes. */
    private final Map<cl_mem, Long> buffers = new LinkedHashMap<>();
    private long allocatedBytes;
    /**
     * Device memory this object may use (default: the device's global memory) and its largest single allocation
     * (CL_DEVICE_MAX_MEM_ALLOC_SIZE): requests beyond them fail before the driver is asked, with the report of
     * {@link #outOfMemoryMessage}. Package-private: a test lowers them to check that report on any device.
     */
    long memoryBudgetBytes, maxAllocBytes;

    private int n = -1;
    private cl_mem dX, dQ, dSpecies, dF, dEatom, dPartial, dCoef;
    private double[] xAtBuild;
    private Box boxAtBuild;
    private long builds;
    private double[] partial;
    /** Tabulated pair kernel (as the Java backend's pair/CoulombTable); its tables, kept across re-allocations. */
    private final PairCoefficients[][] coeffs;
    private boolean tabulated, coulombTable;
    private cl_mem dCtab, dBtab, dCtabR;
    private double tableG = Double.NaN, tableSMin, tableHInv;
    /**
     * Per-phase wall times (ns) when the system property {@value #PROFILE_PROPERTY} is true: the queue is finished
     * around each phase (which costs PoCL a synchronisation each, so profile runs are slower than plain ones).
     */
    /**
     * Neighbour-list layout, "atom" (atom-major, the default on CPU devices) or "neighbour" (neighbour-major, the
     * default on GPUs and accelerators); the system property overrides the default (benchmarks, tests).
     */
    public static final String LAYOUT_PROPERTY = "glasssoftness.opencl.nbrlayout";
    /**
     * Pair list, "half" (each pair computed once by its owner, the reaction added through per-chunk force copies: the
     * default on CPU devices) or "full" (each pair computed by both atoms: the default on GPUs and accelerators); the
     * system property overrides the default (benchmarks, tests).
     */
    public static final String PAIR_LIST_PROPERTY = "glasssoftness.opencl.pairlist";
    /** "true"/"false": the Coulomb-table kernel ({@link #setCoulombTable}) on or off instead of its default. */
    public static final String COULOMB_TABLE_PROPERTY = "glasssoftness.opencl.coulombtable";
    public static final String PROFILE_PROPERTY = "glasssoftness.opencl.profile";
    /**
     * Work items per atom of the full-list pair kernel, a power of two up to the work-group size (default 1): each
     * atom's list is split among them and their sums added in lane order (for GPUs, where one work item per atom of a
     * small system leaves the device mostly idle; not yet measured on one, docs/md-engine.md).
     */
    public static final String THREADS_PER_ATOM_PROPERTY = "glasssoftness.opencl.threadsperatom";
    /** Chunks of the half list's pair kernel (each with its own force copy) instead of the default 8 per compute unit. */
    public static final String CHUNKS_PROPERTY = "glasssoftness.opencl.chunks";
    /**
     * "false" keeps the device's atoms in the caller's order instead of renumbering them in cell order at each list
     * build (default true: neighbours near in memory; tests, benchmarks).
     */
    public static final String SPATIAL_ORDER_PROPERTY = "glasssoftness.opencl.spatialorder";
    private static final String[] PHASES = {"rebuild check", "list build", "pair", "pppm", "energy reduction",
        "integration + KE"};
    private final boolean profiling = Boolean.getBoolean(PROFILE_PROPERTY);
    private final long[] phaseNs = new long[PHASES.length];
    private long phaseStart;

    /**
     * @param rt          the device (closed with this object when {@code ownsRuntime})
     * @param coeffs      per species pair coefficients (symmetric)
     * @param cutoff      real-space cutoff (Å), {@code skin} neighbour skin (Å)
     * @param kspace      long-range part computed on the host (null: bare truncated Coulomb)
     * @param mixed       float pair math with double accumulation
     * @throws OpenClUnavailableException when the device has no double support
     * @throws ClBuildException           with the build log when the kernels do not compile
     */
    public ClForces(ClRuntime rt, boolean ownsRuntime, PairCoefficients[][] coeffs, double cutoff, double skin,
                    KSpace kspace, boolean mixed) {
        this(rt, ownsRuntime, coeffs, cutoff, skin, kspace, null, mixed, ClRuntime.resource("md.cl"));
    }

    /**
     * With the long-range part on the device: {@code pppm} was made on {@code rt}'s context and queue (closed with this
     * object).
     */
    public ClForces(ClRuntime rt, boolean ownsRuntime, PairCoefficients[][] coeffs, double cutoff, double skin,
                    ClPppm pppm, boolean mixed) {
        this(rt, ownsRuntime, coeffs, cutoff, skin, null, pppm, mixed, ClRuntime.resource("md.cl"));
    }

    /** With another kernel source (tests of the build-failure report). */
    ClForces(ClRuntime rt, boolean ownsRuntime, PairCoefficients[][] coeffs, double cutoff, double skin,
             KSpace kspace, ClPppm pppm, boolean mixed, String source) {
        if (!rt.info().fp64()) {
            throw new OpenClUnavailableException(rt.info().describe() + " has no double support (cl_khr_fp64), which "
                    + "both precision modes need (double accumulation)");
        }
        this.rt = rt;
        this.ownsRuntime = ownsRuntime;
        memoryBudgetBytes = rt.info().globalMemBytes();
        long[] maxAlloc = new long[1];
        ClRuntime.check(CL.clGetDeviceInfo(rt.device(), CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE, Sizeof.cl_ulong,
                Pointer.to(maxAlloc), null), "clGetDeviceInfo");
        maxAllocBytes = maxAlloc[0];
        this.mixed = mixed;
        this.cutoff = cutoff;
        this.skin = skin;
        this.kspace = kspace;
        this.pppm = pppm;
        this.ns = coeffs.length;
        this.coeffs = coeffs;
        coef = new double[9 * ns * ns];
        for (int a = 0; a < ns; a++) {
            for (int b = 0; b < ns; b++) {
                PairCoefficients p = coeffs[a][b];
                int k = 9 * (a * ns + b);
                coef[k] = p.hasShortRange() ? 1 : 0;
                coef[k + 1] = p.a(); coef[k + 2] = 1 / p.rho(); coef[k + 3] = p.a() / p.rho(); coef[k + 4] = p.c();
                if (p.core() != null) {
                    coef[k + 5] = p.core().b(); coef[k + 6] = p.core().n(); coef[k + 7] = p.core().d();
                    coef[k + 8] = p.core().r0() * p.core().r0();
                } else {
                    coef[k + 8] = -1;
                }
            }
        }
        String layout = System.getProperty(LAYOUT_PROPERTY, rt.info().typeName().equals("CPU") ? "atom" : "neighbour");
        if (!layout.equals("atom") && !layout.equals("neighbour")) {
            throw new IllegalArgumentException(LAYOUT_PROPERTY + " must be atom or neighbour, got '" + layout + "'");
        }
        String pairList = System.getProperty(PAIR_LIST_PROPERTY, rt.info().typeName().equals("CPU") ? "half" : "full");
        if (!pairList.equals("half") && !pairList.equals("full")) {
            throw new IllegalArgumentException(PAIR_LIST_PROPERTY + " must be half or full, got '" + pairList + "'");
        }
        halfList = pairList.equals("half");
        String ct = System.getProperty(COULOMB_TABLE_PROPERTY);
        coulombTable = ct != null ? Boolean.parseBoolean(ct) : mixed && rt.info().typeName().equals("CPU") && !halfList;
        if (coulombTable && halfList) throw tablesNeedTheFullList();
        spatialOrder = !"false".equals(System.getProperty(SPATIAL_ORDER_PROPERTY, "true"));
        threadsPerAtom = Integer.getInteger(THREADS_PER_ATOM_PROPERTY, 1);
        if (threadsPerAtom < 1 || threadsPerAtom > ClCalls.LOCAL || Integer.bitCount(threadsPerAtom) != 1) {
            throw new IllegalArgumentException(THREADS_PER_ATOM_PROPERTY + " must be a power of two from 1 to "
                    + ClCalls.LOCAL + ", got " + threadsPerAtom);
        }
        if (threadsPerAtom > 1 && halfList) {
            throw new IllegalArgumentException(THREADS_PER_ATOM_PROPERTY + " > 1 needs the full list (set "
                    + PAIR_LIST_PROPERTY + "=full)");
        }
        String options = "-DNS=" + ns + " -DTABLE_N=" + CoulombTable.INTERVALS + (mixed ? " -DMIXED" : "")
                + (halfList ? " -DHALF_LIST -DATOM_MAJOR" : layout.equals("atom") ? " -DATOM_MAJOR" : "")
                + (threadsPerAtom > 1 ? " -DTPA=" + threadsPerAtom + " -DLOCAL=" + ClCalls.LOCAL : "");
        program = rt.build("md.cl", source, options);
        list = new ClNeighborList(rt, program, new ClNeighborList.Memory() {
            @Override
            public cl_mem alloc(long bytes) { return ClForces.this.alloc(CL_MEM_READ_WRITE, bytes); }

            @Override
            public void release(cl_mem m) { ClForces.this.release(m); }
        }, cutoff, skin, halfList);
        kPair = kernel(threadsPerAtom > 1 ? "pair_force_tpa" : "pair_force");
        kReduce = kernel("reduce_blocks");
        kGatherDouble = kernel("gather_double");
        kGatherInt = kernel("gather_int");
        kPackXq = kernel("pack_xq");
        kPairChunks = kernel("pair_chunks");
        kSumChunks = kernel("sum_chunks");
        kFirst = kernel("vv_first");
        kSecond = kernel("vv_second");
        kScale = kernel("scale_v");
        kKe = kernel("ke_blocks");
        kDisp = kernel("disp_blocks");
        kWrap = kernel("wrap_atoms");
        kDrift = kernel("drift_x");
        kScaleAxes = kernel("scale_v_axes");
        kRemap = kernel("remap_x");
        kKeTensor = kernel("ke_tensor_blocks");
        kFireSums = kernel("fire_sums_blocks");
        kFireMixKick = kernel("fire_mix_kick");
        kFireStep = kernel("fire_step_blocks");
    }

    public ClRuntime runtime() { return rt; }

    /**
     * Tabulated pair kernel on or off (default off: the exact kernel). On: pairs at r >= 1 Å take the screened Coulomb
     * and the Buckingham part beyond the core radius from the same cubic Hermite tables in r^2 as the Java backend
     * ({@link CoulombTable}, {@code ForceEvaluator(..., tabulatedCoulomb = true)}), so double mode matches that Java
     * kernel to rounding and the exact kernel to the tables' ~2e-9; used only with a k-space part (g &gt; 0). Full list
     * only: the half list's kernel computes every pair exactly.
     *
     * @throws IllegalStateException when switched on with the half list
     */
    public void setTabulated(boolean on) {
        if (on && halfList) throw tablesNeedTheFullList();
        this.tabulated = on;
    }

    private IllegalStateException tablesNeedTheFullList() {
        return new IllegalStateException("the tabulated pair kernels run on the full list (set " + PAIR_LIST_PROPERTY
                + "=full); the half list's kernel computes every pair exactly");
    }

    /** Whether the tabulated pair kernel is on. */
    public boolean tabulated() { return tabulated; }

    /**
     * Coulomb-table kernel on or off: pairs at r >= 1 Å take the screened Coulomb part from the Java backend's
     * {@link CoulombTable} (cubic Hermite in r^2, 8192 intervals, stored in the pair math's precision: 256 kB in mixed
     * mode, so it stays in a CPU core's cache) while Buckingham and the core stay exact, as LAMMPS's
     * {@code pair_modify table}; its error (~1e-9 relative) is far below mixed precision's. Default: on for mixed
     * precision on CPU devices with the full list (pair kernel about 1.3x faster on PoCL), else off; {@value #COULOMB_TABLE_PROPERTY}
     * overrides. {@link #setTabulated} takes precedence. Full list only, like {@link #setTabulated}.
     *
     * @throws IllegalStateException when switched on with the half list
     */
    public void setCoulombTable(boolean on) {
        if (on && halfList) throw tablesNeedTheFullList();
        this.coulombTable = on;
    }

    public boolean coulombTable() { return coulombTable; }

    public boolean mixed() { return mixed; }

    /** Whether pairs are computed once (half list, per-chunk force copies) rather than by both atoms (full list). */
    public boolean halfList() { return halfList; }

    public long builds() { return builds; }

    /** The host k-space part (null with the device PPPM or without k-space). */
    @Override
    public KSpace kspace() { return kspace; }

    /** The device PPPM, or null. */
    public ClPppm devicePppm() { return pppm; }

    @Override
    public String describeKspace() {
        if (pppm != null) return pppm.describe() + " (device)";
        return kspace == null ? "none" : kspace.describe() + " (host)";
    }

    @Override
    public void invalidate() {
        boxAtBuild = null;
        residentBoxAtBuild = null;
    }

    @Override
    public String describe() {
        return "opencl " + (mixed ? "mixed" : "double") + (halfList ? " half-list" : "")
                + (threadsPerAtom > 1 ? " " + threadsPerAtom + "-threads-per-atom" : "") + (tabulated ? " tabulated" : coulombTable ? " coulomb-table" : "") + " on " + rt.info().describe()
                + (pppm == null && kspace != null ? " (k-space on the host)" : "");
    }

    @Override
    public ForceEvaluator.Energies compute(MdState s) {
        try {
            return computeOnDevice(s);
        } catch (CLException e) {
            throw outOfMemory(s, e);
        }
    }

    /**
     * A device allocation that failed (or would exceed {@link #memoryBudgetBytes}/{@link #maxAllocBytes}): everything
     * is released (the next call allocates afresh) and the report names the system size that fits; other errors are
     * returned as they are.
     */
    private RuntimeException outOfMemory(MdState s, CLException e) {
        int st = e.getStatus();
        if (st != CL.CL_MEM_OBJECT_ALLOCATION_FAILURE && st != CL.CL_OUT_OF_RESOURCES && st != CL.CL_OUT_OF_HOST_MEMORY) {
            return e;
        }
        String message = outOfMemoryMessage(s, e);
        releaseAll();
        n = -1;
        return new IllegalStateException(message, e);
    }

    /**
     * "out of device memory on DEVICE with N atoms (...): a system of about M atoms fits": M from the bytes per atom of
     * this system's lists (as allocated, or as the first build sizes them from the density) against the memory
     * budget, with a 20 % margin, and against the largest single allocation.
     */
    private String outOfMemoryMessage(MdState s, CLException e) {
        double rc = cutoff + skin;
        int full = (int) Math.max(16, 1.3 * (4.0 / 3.0 * Math.PI * rc * rc * rc) * s.n / s.box.volume());
        int firstList = halfList ? full / 2 + full / 16 + 8 : full;
        int nbr = Math.max(list.maxNbr(), firstList);
        int copies = halfList ? chunkCount(s.n) : 0;
        long perAtom = bytesPerAtom(nbr, copies);
        long largestPerAtom = Math.max(Math.max(4L * nbr, 8L * 8), 8L * 3 * copies);
        long fits = Math.min((long) (0.8 * memoryBudgetBytes / perAtom), maxAllocBytes / largestPerAtom);
        return String.format(Locale.ROOT, "out of device memory on %s with %d atoms (%s; %d list entries per atom need "
                + "about %d bytes per atom, the device has %.1f MB and allocates at most %.1f MB at once): a system of "
                + "about %d atoms fits", rt.info().describe(), s.n, e.getMessage(), nbr, perAtom,
                memoryBudgetBytes / 1e6, maxAllocBytes / 1e6, fits);
    }

    /**
     * @param maxNbr     list entries per atom
     * @param copies     the half list's force copies (chunks), 0 with the full list
     */
    private static long bytesPerAtom(int maxNbr, int copies) {
        // x, f (3 doubles each), q, minR2, 8 energy values of the full list (doubles), species, cellOf, cellXyz, count,
        // cell atoms (ints), the list (ints); half list: a force copy (3 doubles) per chunk instead of the energies
        return 8L * (3 + 3 + 1 + 1) + (copies > 0 ? 8L * 3 * copies : 8L * 8) + 4L * (5 + maxNbr);
    }

    /**
     * Chunks of the half list's pair kernel: 8 per compute unit (16 on 2 cores was fastest on PoCL, and enough chunks
     * balance the cores), at most 64 (each holds a copy of the forces) and at least 32 atoms each.
     */
    private int chunkCount(int atoms) {
        int wanted = Integer.getInteger(CHUNKS_PROPERTY, Math.min(64, 8 * Math.max(1, rt.info().computeUnits())));
        return Math.max(1, Math.min(wanted, atoms / 32));
    }

    /**
     * Forces into s.f without energies or virial (NaN energies), the way the device-resident steps between thermo rows
     * compute them; the k-space part must be on the device. Benchmarks and tests.
     */
    void forcesOnly(MdState s) {
        if (kspace != null) throw new IllegalStateException("forcesOnly needs the k-space part on the device");
        try {
            computeOnDevice(s, false);
        } catch (CLException e) {
            throw outOfMemory(s, e);
        }
    }

    private ForceEvaluator.Energies computeOnDevice(MdState s) {
        return computeOnDevice(s, true);
    }

    private ForceEvaluator.Energies computeOnDevice(MdState s, boolean energies) {
        checkBox(s.box);
        if (s.n != n) allocateAtoms(s);
        boolean rebuild = needsRebuild(s);
        if (rebuild) s.wrap(); // as VerletList: positions wrapped into the box (image flags updated) at a rebuild
        writeAtoms(dX, s.x);
        if (rebuild) {
            phaseBegin();
            buildList(s);
            phaseEnd(1);
        }
        if (kspace != null && Double.isNaN(kspace.gEwald())) {
            // the first k-space call chooses g: run it once so the pair kernel gets the same g the Java backend uses
            kspace.compute(s, new double[6]);
        }
        ForceEvaluator.Energies e = deviceForces(s.box, energies);
        readAtoms(dF, s.f);
        if (kspace == null) return e;
        if (Double.isNaN(kspace.gEwald())) throw new IllegalStateException("k-space g not chosen");
        double[] virial = e.virial();
        double eLong = kspace.compute(s, virial); // adds the k-space forces to s.f and its virial
        return new ForceEvaluator.Energies(e.eVdwl(), e.eCoul(), eLong, virial);
    }

    /**
     * Pair forces into dF (overwritten) and the device PPPM's added, for the positions in dX and the list as built;
     * with {@code energies} the energies and virial (else NaN energies and a zero virial, nothing read back).
     */
    private ForceEvaluator.Energies deviceForces(Box b, boolean energies) {
        double g = pppm != null ? pppm.gEwald() : kspace == null ? 0 : kspace.gEwald();
        // 1: Coulomb and Buckingham from the double tables (setTabulated); 2: Coulomb from the table in the pair
        // math's precision, Buckingham exact (coulombTable); 0: all exact
        int mode = g > 0 ? (tabulated ? 1 : coulombTable ? 2 : 0) : 0;
        boolean table = mode != 0;
        if (table) uploadTables(g, mode == 1);
        if (halfList) {
            int maxNbr = list.maxNbr();
            if (chunkScratchPerChunk < maxNbr) { // 9 planes of maxNbr reals per chunk, grown with the list
                release(dChunkScratch);
                dChunkScratch = alloc(CL_MEM_READ_WRITE, 9L * (mixed ? 4 : 8) * maxNbr * chunks);
                chunkScratchPerChunk = maxNbr;
            }
            args(kPackXq, n, dX, dQ, dXq);
            args(kPairChunks, n, chunks, dXq, dQ, dSpecies, b.lx(), b.ly(), b.lz(), list.list(), list.counts(),
                    cutoff * cutoff, g, Units.QQR2E, dCoefR, dForceCopies, dChunkEnergies, maxNbr, dChunkScratch, dCoef);
            args(kSumChunks, n, chunks, dForceCopies, dF);
            phaseBegin();
            run(kPackXq, n);
            ClRuntime.check(CL.clEnqueueNDRangeKernel(rt.queue(), kPairChunks, 1, null, new long[] {chunks},
                    new long[] {1}, 0, null, null), "clEnqueueNDRangeKernel");
            run(kSumChunks, 3 * n);
            phaseEnd(2);
        } else {
            args(kPair, n, dX, dQ, dSpecies, b.lx(), b.ly(), b.lz(), list.list(), list.counts(), cutoff * cutoff, g, Units.QQR2E,
                    dCoef, dF, dEatom, mode, table ? tableSMin : 0.0, table ? tableHInv : 0.0,
                    table ? dCtab : dCoef, mode == 1 ? dBtab : dCoef, list.maxNbr(), table ? dCtabR : dCoef);
            phaseBegin();
            run(kPair, Math.multiplyExact(n, threadsPerAtom));
            phaseEnd(2);
        }
        double[] virial = new double[6];
        double eLong = 0;
        phaseBegin();
        if (pppm != null) eLong = pppm.compute(dX, dF, b, energies ? virial : null); // adds the k-space forces
        phaseEnd(3);
        if (!energies) return new ForceEvaluator.Energies(Double.NaN, Double.NaN, Double.NaN, virial);
        phaseBegin();
        // pair energies and virial: the half list's per-chunk sums, or the full list's per-atom values in blocks
        int blocks = halfList ? chunks : (n + REDUCE_BLOCK - 1) / REDUCE_BLOCK;
        if (halfList) {
            read(dChunkEnergies, partial, 8 * blocks);
        } else {
            args(kReduce, n, 8, REDUCE_BLOCK, dEatom, dPartial);
            run(kReduce, blocks);
            read(dPartial, partial, 8 * blocks);
        }
        double eVdwl = 0, eCoul = 0;
        for (int k = 0; k < blocks; k++) {
            eVdwl += partial[8 * k];
            eCoul += partial[8 * k + 1];
            for (int c = 0; c < 6; c++) virial[c] += partial[8 * k + 2 + c];
        }
        phaseEnd(4);
        return new ForceEvaluator.Energies(eVdwl, eCoul, eLong, virial);
    }

    private void phaseBegin() {
        if (!profiling) return;
        CL.clFinish(rt.queue());
        phaseStart = System.nanoTime();
    }

    private void phaseEnd(int phase) {
        if (!profiling) return;
        CL.clFinish(rt.queue());
        phaseNs[phase] += System.nanoTime() - phaseStart;
    }

    /** The per-phase times (s) since the last reset, with {@value #PROFILE_PROPERTY} on; else an empty string. */
    public String profile() {
        if (!profiling) return "";
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < PHASES.length; k++) {
            b.append(k == 0 ? "" : ", ").append(PHASES[k]).append(' ')
                    .append(String.format(Locale.ROOT, "%.3f s", phaseNs[k] / 1e9));
        }
        return b.toString();
    }

    /** Zeroes the per-phase times. */
    public void resetProfile() { java.util.Arrays.fill(phaseNs, 0); }

    /**
     * The Coulomb table for g (rebuilt when g changes; in double, and in the pair math's precision for the Coulomb-table
     * kernel) and, once, with {@code buckingham}, the Buckingham tables of all species pairs.
     */
    private void uploadTables(double g, boolean buckingham) {
        int per = 8 * CoulombTable.INTERVALS;
        if (dCtab == null) {
            int[] err = new int[1];
            dCtab = CL.clCreateBuffer(rt.context(), CL_MEM_READ_ONLY, 8L * per, null, err);
            ClRuntime.check(err[0], "clCreateBuffer of the Coulomb table");
            dCtabR = CL.clCreateBuffer(rt.context(), CL_MEM_READ_ONLY, (mixed ? 4L : 8L) * per, null, err);
            ClRuntime.check(err[0], "clCreateBuffer of the Coulomb table");
        }
        if (buckingham && dBtab == null) {
            double[] all = new double[ns * ns * per];
            for (int a = 0; a < ns; a++) {
                for (int c = 0; c < ns; c++) {
                    PairCoefficients p = coeffs[a][c];
                    if (p.hasShortRange()) {
                        System.arraycopy(CoulombTable.buckingham(p.a(), p.rho(), p.c(), cutoff).coef, 0, all,
                                (a * ns + c) * per, per);
                    }
                }
            }
            int[] err = new int[1];
            dBtab = CL.clCreateBuffer(rt.context(), CL_MEM_READ_ONLY, 8L * all.length, null, err);
            ClRuntime.check(err[0], "clCreateBuffer of the Buckingham tables");
            write(dBtab, all);
        }
        if (g != tableG) {
            CoulombTable t = new CoulombTable(g, cutoff);
            write(dCtab, t.coef);
            if (mixed) {
                float[] f = new float[per];
                for (int k = 0; k < per; k++) f[k] = (float) t.coef[k];
                ClRuntime.check(CL.clEnqueueWriteBuffer(rt.queue(), dCtabR, true, 0, 4L * per, Pointer.to(f), 0, null, null), "clEnqueueWriteBuffer");
            } else {
                write(dCtabR, t.coef);
            }
            tableG = g;
            tableSMin = t.sMin;
            tableHInv = t.hInv;
        }
    }

    /** The VerletList criterion: moved more than skin/2, reduced by the motion of the box corners. */
    private boolean needsRebuild(MdState s) {
        if (boxAtBuild == null || xAtBuild == null || xAtBuild.length != 3 * s.n) return true;
        double lim = 0.5 * skin;
        if (!s.box.equals(boxAtBuild)) {
            Box a = boxAtBuild, b = s.box;
            double d1 = Math.sqrt(sq(b.xlo() - a.xlo()) + sq(b.ylo() - a.ylo()) + sq(b.zlo() - a.zlo()));
            double d2 = Math.sqrt(sq(b.xhi() - a.xhi()) + sq(b.yhi() - a.yhi()) + sq(b.zhi() - a.zhi()));
            lim = 0.5 * (skin - (d1 + d2));
            if (lim <= 0) return true;
        }
        double lim2 = lim * lim;
        double[] x = s.x;
        for (int k = 0; k < 3 * s.n; k += 3) {
            double dx = x[k] - xAtBuild[k], dy = x[k + 1] - xAtBuild[k + 1], dz = x[k + 2] - xAtBuild[k + 2];
            if (dx * dx + dy * dy + dz * dz > lim2) return true;
        }
        return false;
    }

    private static double sq(double v) { return v * v; }

    private void allocateAtoms(MdState s) {
        releaseAll();
        n = s.n;
        dX = alloc(CL_MEM_READ_WRITE, 8L * 3 * n);
        dQ = alloc(CL_MEM_READ_ONLY, 8L * n);
        dSpecies = alloc(CL_MEM_READ_ONLY, 4L * n);
        dF = alloc(CL_MEM_READ_WRITE, 8L * 3 * n);
        int blocks = (n + REDUCE_BLOCK - 1) / REDUCE_BLOCK;
        if (halfList) {
            chunks = chunkCount(n);
            dForceCopies = alloc(CL_MEM_READ_WRITE, 8L * 3 * n * chunks);
            dChunkScratch = null;
            chunkScratchPerChunk = 0;
            dXq = alloc(CL_MEM_READ_WRITE, 4L * (mixed ? 4 : 8) * n);
            dCoefR = alloc(CL_MEM_READ_ONLY, (mixed ? 4L : 8L) * coef.length);
            dChunkEnergies = alloc(CL_MEM_READ_WRITE, 8L * 8 * chunks);
            partial = new double[8 * chunks];
        } else {
            dEatom = alloc(CL_MEM_READ_WRITE, 8L * 8 * n);
            dPartial = alloc(CL_MEM_READ_WRITE, 8L * 8 * blocks);
            partial = new double[8 * blocks];
        }
        list.allocate(n);
        dCoef = alloc(CL_MEM_READ_ONLY, 8L * coef.length);
        dV = alloc(CL_MEM_READ_WRITE, 8L * 3 * n);
        dMass = alloc(CL_MEM_READ_ONLY, 8L * n);
        dImage = alloc(CL_MEM_READ_WRITE, 4L * 3 * n);
        dX0 = alloc(CL_MEM_READ_WRITE, 8L * 3 * n);
        dBlocks = alloc(CL_MEM_READ_WRITE, 8L * blocks);
        blockValues = new double[blocks];
        dBlocks6 = alloc(CL_MEM_READ_WRITE, 8L * 6 * blocks);
        blockValues6 = new double[6 * blocks];
        order = null;
        if (spatialOrder) {
            scratch3[0] = alloc(CL_MEM_READ_WRITE, 8L * 3 * n);
            scratchI3[0] = alloc(CL_MEM_READ_WRITE, 4L * 3 * n);
            scratch1[0] = alloc(CL_MEM_READ_WRITE, 8L * n);
            scratchI1[0] = alloc(CL_MEM_READ_WRITE, 4L * n);
        }
        write(dMass, s.mass);
        write(dQ, s.charge);
        ClRuntime.check(CL.clEnqueueWriteBuffer(rt.queue(), dSpecies, true, 0, 4L * n, Pointer.to(s.species), 0, null, null), "clEnqueueWriteBuffer");
        write(dCoef, coef);
        if (halfList) writeReals(dCoefR, coef);
        if (pppm != null) pppm.setup(s); // g and mesh for this atom count, charges uploaded
        boxAtBuild = null;
    }

    private void buildList(MdState s) {
        buildList(s, s.box, false);
    }

    /** Builds the list from the positions in dX; {@code resident}: s.x is stale (downloaded for an error message). */
    private void buildList(MdState s, Box box, boolean resident) {
        list.bin(dX, box);
        if (spatialOrder) {
            renumberInCellOrder();
            list.renumbered();
        }
        double[] minR2 = list.build(dX, box);
        int worst = -1;
        for (int i = 0; i < n; i++) if (worst < 0 || minR2[i] < minR2[worst]) worst = i;
        double lim = VerletList.MIN_SEPARATION;
        if (worst >= 0 && minR2[worst] < lim * lim) {
            // the partner: the closest atom to the worst one, found on the host (rare error path)
            if (resident) readAtoms(dX, s.x);
            worst = order == null ? worst : order[worst];
            long other = closestId(s, worst);
            long a = Math.min(s.ids[worst], other), c = Math.max(s.ids[worst], other);
            throw new MdInstabilityException(String.format(Locale.ROOT,
                    "step %d: atoms with ids %d and %d are %.4g Å apart (overlapping atoms; below %.2f Å)", s.step, a, c,
                    Math.sqrt(minR2[worst]), lim));
        }
        if (resident) {
            ClRuntime.check(CL.clEnqueueCopyBuffer(rt.queue(), dX, dX0, 0, 0, 8L * 3 * n, 0, null, null), "clEnqueueCopyBuffer");
            residentBoxAtBuild = box;
            boxAtBuild = null; // the host-side record is stale: a later host-path call rebuilds
        } else {
            xAtBuild = s.x.clone();
            boxAtBuild = box;
        }
        builds++;
    }

    /**
     * Renumbers the device's atoms in cell order (cellAtoms, each cell's atoms by index), as LAMMPS's atom sorting: every
     * per-atom array (positions, velocities, image flags, masses, charges, species, cells and cell coordinates; the
     * device PPPM's charges)
     * is gathered into the new order and the cells' atom lists become 0, 1, 2, ...; the map to the caller's order is
     * composed on the host. Forces, the list and the displacement reference are recomputed after the build.
     */
    private void renumberInCellOrder() {
        int[] step = new int[n];
        ClRuntime.check(CL.clEnqueueReadBuffer(rt.queue(), list.cellOrder(), true, 0, 4L * n, Pointer.to(step), 0, null, null), "clEnqueueReadBuffer");
        dX = gather(kGatherDouble, 3, dX, scratch3);
        dV = gather(kGatherDouble, 3, dV, scratch3);
        dMass = gather(kGatherDouble, 1, dMass, scratch1);
        dQ = gather(kGatherDouble, 1, dQ, scratch1);
        dImage = gather(kGatherInt, 3, dImage, scratchI3);
        dSpecies = gather(kGatherInt, 1, dSpecies, scratchI1);
        if (pppm != null) pppm.copyCharges(dQ);
        int[] composed = new int[n];
        for (int k = 0; k < n; k++) composed[k] = order == null ? step[k] : order[step[k]];
        order = composed;
    }


    /** Device atom k is the caller's atom deviceOrder()[k] (a copy; null while in the caller's order). */
    int[] deviceOrder() { return order == null ? null : order.clone(); }

    /**
     * Gathers {@code src} in cellAtoms order into the scratch buffer {@code scratch[0]} and returns it; src, no longer
     * needed, becomes the scratch buffer.
     */
    private cl_mem gather(cl_kernel k, int width, cl_mem src, cl_mem[] scratch) {
        cl_mem dst = scratch[0];
        args(k, n, width, list.cellOrder(), src, dst);
        run(k, n);
        scratch[0] = src;
        return dst;
    }

    /** Uploads a per-atom array (3n or n doubles) of the caller's order into the device's order. */
    private void writeAtoms(cl_mem m, double[] a) {
        if (order == null) {
            write(m, a);
            return;
        }
        int w = a.length / n;
        double[] t = new double[a.length];
        for (int k = 0; k < n; k++) System.arraycopy(a, order[k] * w, t, k * w, w);
        write(m, t);
    }

    /** Downloads a per-atom array (3n or n doubles) from the device's order into the caller's. */
    private void readAtoms(cl_mem m, double[] a) {
        if (order == null) {
            read(m, a, a.length);
            return;
        }
        int w = a.length / n;
        double[] t = new double[a.length];
        read(m, t, t.length);
        for (int k = 0; k < n; k++) System.arraycopy(t, k * w, a, order[k] * w, w);
    }

    private void writeImages(int[] a) {
        int[] t = a;
        if (order != null) {
            t = new int[a.length];
            for (int k = 0; k < n; k++) System.arraycopy(a, order[k] * 3, t, k * 3, 3);
        }
        ClRuntime.check(CL.clEnqueueWriteBuffer(rt.queue(), dImage, true, 0, 4L * 3 * n, Pointer.to(t), 0, null, null), "clEnqueueWriteBuffer");
    }

    private void readImages(int[] a) {
        int[] t = order == null ? a : new int[a.length];
        ClRuntime.check(CL.clEnqueueReadBuffer(rt.queue(), dImage, true, 0, 4L * 3 * n, Pointer.to(t), 0, null, null), "clEnqueueReadBuffer");
        if (order != null) for (int k = 0; k < n; k++) System.arraycopy(t, k * 3, a, order[k] * 3, 3);
    }

    private static long closestId(MdState s, int i) {
        double best = Double.MAX_VALUE;
        int arg = -1;
        double lx = s.box.lx(), ly = s.box.ly(), lz = s.box.lz();
        for (int j = 0; j < s.n; j++) {
            if (j == i) continue;
            double dx = s.x[3 * i] - s.x[3 * j], dy = s.x[3 * i + 1] - s.x[3 * j + 1], dz = s.x[3 * i + 2] - s.x[3 * j + 2];
            dx -= lx * Math.rint(dx / lx); dy -= ly * Math.rint(dy / ly); dz -= lz * Math.rint(dz / lz);
            double r2 = dx * dx + dy * dy + dz * dz;
            if (r2 < best) { best = r2; arg = j; }
        }
        return s.ids[arg];
    }

    // ---- device-resident state for ClVelocityVerlet: positions, velocities, image flags stay on the device ----

    /** Uploads positions, velocities, image flags (and everything per atom) of {@code s}; the list is rebuilt next. */
    void uploadState(MdState s) {
        checkBox(s.box);
        try {
            if (s.n != n) allocateAtoms(s);
        } catch (CLException e) {
            throw outOfMemory(s, e);
        }
        writeAtoms(dX, s.x);
        writeAtoms(dV, s.v);
        writeImages(s.image);
        residentBoxAtBuild = null;
    }

    /** Downloads positions, velocities, image flags and forces into {@code s}. */
    void downloadState(MdState s) {
        readAtoms(dX, s.x);
        readAtoms(dV, s.v);
        readImages(s.image);
        readAtoms(dF, s.f);
    }

    /**
     * Forces for the device-resident positions in the box {@code s.box}: rebuilds the list (wrapping on the device) by
     * the {@link VerletList} criterion (skin/2, less the box corners' motion since the build when the box changes, as
     * in NPT); energies and virial only when asked.
     */
    ForceEvaluator.Energies computeResident(MdState s, boolean energies) {
        try {
            if (kspace != null) throw new IllegalStateException("device-resident integration needs the k-space part on the device");
            phaseBegin();
            boolean rebuild = residentBoxAtBuild == null || residentNeedsRebuild(s.box);
            phaseEnd(0);
            if (rebuild) {
                phaseBegin();
                Box b = s.box;
                args(kWrap, n, dX, dImage, b.xlo(), b.ylo(), b.zlo(), b.lx(), b.ly(), b.lz());
                run(kWrap, n);
                buildList(s, b, true);
                phaseEnd(1);
            }
            return deviceForces(s.box, energies);
        } catch (CLException e) {
            throw outOfMemory(s, e);
        }
    }

    /**
     * The {@link VerletList} criterion on the device-resident positions: an atom moved more than skin/2 since the
     * build, the limit reduced by the motion of the box corners when the box changed (NPT, tension).
     */
    private boolean residentNeedsRebuild(Box b) {
        double lim = 0.5 * skin;
        if (!b.equals(residentBoxAtBuild)) {
            Box a = residentBoxAtBuild;
            double d1 = Math.sqrt(sq(b.xlo() - a.xlo()) + sq(b.ylo() - a.ylo()) + sq(b.zlo() - a.zlo()));
            double d2 = Math.sqrt(sq(b.xhi() - a.xhi()) + sq(b.yhi() - a.yhi()) + sq(b.zhi() - a.zhi()));
            lim = 0.5 * (skin - (d1 + d2));
            if (lim <= 0) return true;
        }
        return blockMax(kDisp, dX, dX0) > lim * lim;
    }

    /** x += dt v on the device. */
    void drift(double dt) {
        phaseBegin();
        args(kDrift, n, dt, dX, dV);
        run(kDrift, n);
        phaseEnd(5);
    }

    /** v_d *= f2[d] on the device. */
    void scaleVelocityAxes(double[] f2) {
        phaseBegin();
        args(kScaleAxes, n, f2[0], f2[1], f2[2], dV);
        run(kScaleAxes, n);
        phaseEnd(5);
    }

    /** Positions from fractional coordinates of {@code from} to Cartesian ones of {@code to} (orthogonal boxes). */
    void remapPositions(Box from, Box to) {
        phaseBegin();
        args(kRemap, n, dX, from.xlo(), from.ylo(), from.zlo(), from.lx(), from.ly(), from.lz(), to.xlo(), to.ylo(),
                to.zlo(), to.lx(), to.ly(), to.lz());
        run(kRemap, n);
        phaseEnd(5);
    }

    /** Kinetic tensor (eV, xx yy zz xy xz yz) over fixed blocks in atom order, blocks summed in order on the host. */
    double[] kineticTensor() {
        phaseBegin();
        int blocks = (n + REDUCE_BLOCK - 1) / REDUCE_BLOCK;
        args(kKeTensor, n, REDUCE_BLOCK, Units.MVV2E, dV, dMass, dBlocks6);
        run(kKeTensor, blocks);
        read(dBlocks6, blockValues6, 6 * blocks);
        double[] t = new double[6];
        for (int b = 0; b < blocks; b++) for (int c = 0; c < 6; c++) t[c] += blockValues6[6 * b + c];
        phaseEnd(5);
        return t;
    }

    /** v += dtf/m f; x += dt v on the device. */
    void firstHalf(double dtf, double dt) {
        phaseBegin();
        args(kFirst, n, dtf, dt, dX, dV, dF, dMass);
        run(kFirst, n);
        phaseEnd(5);
    }

    /** v += dtf/m f on the device. */
    void secondHalf(double dtf) {
        phaseBegin();
        args(kSecond, n, dtf, dV, dF, dMass);
        run(kSecond, n);
        phaseEnd(5);
    }

    /** v *= factor on the device. */
    void scaleVelocities(double factor) {
        phaseBegin();
        args(kScale, 3 * n, factor, dV);
        run(kScale, 3 * n);
        phaseEnd(5);
    }

    /** sum m |v|^2 (g/mol Å^2/ps^2) over fixed blocks in atom order, blocks summed in order on the host. */
    double massVelocitySquared() {
        phaseBegin();
        int blocks = runBlocks(kKe, dV, dMass);
        double sum = 0;
        for (int b = 0; b < blocks; b++) sum += blockValues[b];
        phaseEnd(5);
        return sum;
    }

    // ---- device-resident FIRE (ClFireMinimizer): mixing, kick and capped move on the device, scalars on the host ----

    /**
     * FIRE's per-step reductions of the device-resident velocities and forces over fixed blocks of atoms (components in
     * atom order within a block, blocks summed in order on the host): {P = F.v, |v|^2, |F|^2, max_i |F_i|^2}; the
     * maximum is NaN when a force is (as {@code Math.max}). Uses the kinetic-tensor block buffer (6 per block).
     */
    double[] fireSums() {
        phaseBegin();
        int blocks = (n + REDUCE_BLOCK - 1) / REDUCE_BLOCK;
        args(kFireSums, n, REDUCE_BLOCK, dV, dF, dBlocks6);
        run(kFireSums, blocks);
        read(dBlocks6, blockValues6, 4 * blocks);
        double p = 0, vv = 0, ff = 0, fm = 0;
        for (int b = 0; b < blocks; b++) {
            p += blockValues6[4 * b];
            vv += blockValues6[4 * b + 1];
            ff += blockValues6[4 * b + 2];
            fm = Math.max(fm, blockValues6[4 * b + 3]);
        }
        phaseEnd(5);
        return new double[] {p, vv, ff, fm};
    }

    /** {@code mix}: v = oneMinusAlpha v + scale f, else v = 0; then v += dtf/m f (dtf = dt ftm2v), on the device. */
    void fireMixKick(boolean mix, double oneMinusAlpha, double scale, double dtf) {
        phaseBegin();
        args(kFireMixKick, n, mix ? 1 : 0, oneMinusAlpha, scale, dtf, dV, dF, dMass);
        run(kFireMixKick, n);
        phaseEnd(5);
    }

    /** max_i |v_i|^2 dt^2 over fixed blocks (NaN when a velocity is), the maxima of the blocks taken on the host. */
    double fireMaxStepSquared(double dt) {
        phaseBegin();
        double m = blockMax(kFireStep, dt, dV);
        phaseEnd(5);
        return m;
    }

    /** v = 0 on the device. */
    void zeroVelocities() {
        ClRuntime.check(CL.clEnqueueFillBuffer(rt.queue(), dV, Pointer.to(new double[] {0}), 8, 0, 8L * 3 * n, 0, null,
                null), "clEnqueueFillBuffer");
    }

    /** The largest of a one-value-per-block kernel's block values (see {@link #runBlocks}; NaN as {@code Math.max}). */
    private double blockMax(cl_kernel k, Object... inputs) {
        int blocks = runBlocks(k, inputs);
        double m = 0;
        for (int i = 0; i < blocks; i++) m = Math.max(m, blockValues[i]);
        return m;
    }

    /**
     * Runs a one-value-per-block kernel, args (n, REDUCE_BLOCK, inputs..., dBlocks), and reads the block values into
     * {@link #blockValues}; returns the number of blocks.
     */
    private int runBlocks(cl_kernel k, Object... inputs) {
        int blocks = (n + REDUCE_BLOCK - 1) / REDUCE_BLOCK;
        Object[] a = new Object[inputs.length + 3];
        a[0] = n;
        a[1] = REDUCE_BLOCK;
        System.arraycopy(inputs, 0, a, 2, inputs.length);
        a[a.length - 1] = dBlocks;
        args(k, a);
        run(k, blocks);
        read(dBlocks, blockValues, blocks);
        return blocks;
    }

    private static void checkBox(Box box) {
        if (box.isTriclinic()) {
            throw new UnsupportedOperationException("the OpenCL backend needs an orthogonal box (triclinic: use the Java "
                    + "backend with Ewald)");
        }
        for (int k = 0; k < 3; k++) {
            if (!box.periodic(k)) throw new UnsupportedOperationException("the OpenCL backend needs a periodic box");
        }
    }

    private cl_kernel kernel(String name) {
        return ClCalls.kernel(program, name);
    }

    private cl_mem alloc(long flags, long bytes) {
        long size = Math.max(8, bytes);
        if (size > maxAllocBytes) {
            throw new CLException("a buffer of " + size + " bytes is more than the device's largest allocation ("
                    + maxAllocBytes + " bytes)", CL.CL_MEM_OBJECT_ALLOCATION_FAILURE);
        }
        if (allocatedBytes + size > memoryBudgetBytes) {
            throw new CLException(String.format(Locale.ROOT, "%d bytes more than the %d held would exceed the device's "
                    + "%d bytes", size, allocatedBytes, memoryBudgetBytes), CL.CL_MEM_OBJECT_ALLOCATION_FAILURE);
        }
        int[] err = new int[1];
        cl_mem m;
        try {
            m = CL.clCreateBuffer(rt.context(), flags, size, null, err);
        } catch (CLException e) {
            throw new CLException("clCreateBuffer of " + size + " bytes: " + e.getMessage(), e.getStatus());
        }
        ClRuntime.check(err[0], "clCreateBuffer of " + size + " bytes");
        buffers.put(m, size);
        allocatedBytes += size;
        return m;
    }

    /**
     * Releases a buffer after the queue has finished: PoCL frees a released buffer at once even while enqueued kernels
     * still use it (an allocation that fails in the middle of a list build left such kernels behind and corrupted the
     * heap).
     */
    private void release(cl_mem m) {
        Long size = m == null ? null : buffers.remove(m);
        if (size != null) {
            CL.clFinish(rt.queue());
            CL.clReleaseMemObject(m);
            allocatedBytes -= size;
        }
    }

    /**
     * Releases every buffer and forgets the list buffers: a stale reference must never reach {@link #release}, where
     * it could equal (same native address, reused by the driver) a live buffer and free that one.
     */
    private void releaseAll() {
        if (!buffers.isEmpty()) CL.clFinish(rt.queue());
        for (cl_mem m : buffers.keySet()) CL.clReleaseMemObject(m);
        buffers.clear();
        allocatedBytes = 0;
        dChunkScratch = null;
        chunkScratchPerChunk = 0;
        list.forget();
    }

    private void write(cl_mem m, double[] a) {
        ClRuntime.check(CL.clEnqueueWriteBuffer(rt.queue(), m, true, 0, 8L * a.length, Pointer.to(a), 0, null, null), "clEnqueueWriteBuffer");
    }

    /** {@code a} in the pair math's precision (floats in mixed mode). */
    private void writeReals(cl_mem m, double[] a) {
        if (!mixed) {
            write(m, a);
            return;
        }
        float[] f = new float[a.length];
        for (int k = 0; k < a.length; k++) f[k] = (float) a[k];
        ClRuntime.check(CL.clEnqueueWriteBuffer(rt.queue(), m, true, 0, 4L * f.length, Pointer.to(f), 0, null, null), "clEnqueueWriteBuffer");
    }

    private void read(cl_mem m, double[] a, int count) {
        ClRuntime.check(CL.clEnqueueReadBuffer(rt.queue(), m, true, 0, 8L * count, Pointer.to(a), 0, null, null), "clEnqueueReadBuffer");
    }

    private static void args(cl_kernel k, Object... values) {
        ClCalls.args(k, values);
    }

    private void run(cl_kernel k, int work) {
        ClCalls.run(rt, k, work);
    }

    @Override
    public void close() {
        releaseAll();
        if (dCtab != null) CL.clReleaseMemObject(dCtab);
        if (dCtabR != null) CL.clReleaseMemObject(dCtabR);
        if (dBtab != null) CL.clReleaseMemObject(dBtab);
        list.close();
        for (cl_kernel k : new cl_kernel[] {kPair, kReduce, kPackXq, kPairChunks, kSumChunks, kGatherDouble, kGatherInt, kFirst,
            kSecond, kScale, kKe, kDisp, kWrap, kDrift, kScaleAxes, kRemap, kKeTensor, kFireSums, kFireMixKick, kFireStep}) {
            CL.clReleaseKernel(k);
        }
        CL.clReleaseProgram(program);
        if (kspace != null) kspace.close();
        if (pppm != null) pppm.close();
        if (ownsRuntime) rt.close();
    }
}
