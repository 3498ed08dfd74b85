package org.glasssoftness.core.md.opencl;

import static org.jocl.CL.CL_MEM_READ_WRITE;

import java.util.Locale;

import org.glasssoftness.core.model.Box;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * The device neighbour list of {@link ClForces} (kernels of {@code md.cl}): cell binning with each cell's atoms sorted
 * by index, then a list at cutoff + skin over a stencil of cells (offsets -S..S per axis with the lattice image the
 * wrap implies; cells out of reach skipped), either full (each atom all its neighbours; layout atom- or
 * neighbour-major by the program's build options) or half (program built with -DHALF_LIST: each pair only in its
 * owner's list, atom-major). Lists grow when an atom has more entries than allocated. Between binning and building,
 * the owner may renumber its atoms in cell order ({@link #cellOrder()}, then {@link #renumbered()}).
 *
 * <p>Buffers come from and go back to the owner's {@link Memory} (its accounting and out-of-memory report); after the
 * owner released everything, {@link #forget()} drops the references.
 */
final class ClNeighborList implements AutoCloseable {
    /** The owner's device allocations. */
    interface Memory {
        cl_mem alloc(long bytes);

        void release(cl_mem m);
    }

    private final ClRuntime rt;
    private final Memory memory;
    private final double cutoff, rc;
    private final boolean halfList;
    private final cl_kernel kBinCount, kBinScan, kBinFill, kBinSort, kBuild, kGatherInt, kIota;

    private int n = -1;
    private cl_mem dCellOf, dCellXyz, dCellAtoms, dCount, dCellStart, dFill, dScratch;
    private cl_mem dNbr, dNbrCount, dMinR2;
    private int ncells = -1, maxNbr;
    private final int[] nc = new int[3], st = new int[3];

    /** @param program md.cl built for this list kind (-DHALF_LIST for the half list) */
    ClNeighborList(ClRuntime rt, cl_program program, Memory memory, double cutoff, double skin, boolean halfList) {
        this.rt = rt;
        this.memory = memory;
        this.cutoff = cutoff;
        this.rc = cutoff + skin;
        this.halfList = halfList;
        kBinCount = ClCalls.kernel(program, "bin_count");
        kBinScan = ClCalls.kernel(program, "bin_scan");
        kBinFill = ClCalls.kernel(program, "bin_fill");
        kBinSort = ClCalls.kernel(program, "bin_sort");
        kBuild = ClCalls.kernel(program, "build_list");
        kGatherInt = ClCalls.kernel(program, "gather_int");
        kIota = ClCalls.kernel(program, "iota");
    }

    /** Per-atom buffers for n atoms (the lists themselves are sized at the first build). */
    void allocate(int atoms) {
        n = atoms;
        dCellOf = memory.alloc(4L * n);
        dCellXyz = memory.alloc(4L * n);
        dCellAtoms = memory.alloc(4L * n);
        dScratch = memory.alloc(4L * n);
        dNbrCount = memory.alloc(4L * n);
        dMinR2 = memory.alloc(8L * n);
    }

    /**
     * Drops every buffer reference after the owner released them all: a stale reference must never reach
     * {@link Memory#release}, where it could equal (same native address, reused by the driver) a live buffer.
     */
    void forget() {
        dCellOf = dCellXyz = dCellAtoms = dCount = dCellStart = dFill = dScratch = null;
        dNbr = dNbrCount = dMinR2 = null;
        ncells = -1;
        maxNbr = 0;
        n = -1;
    }

    /**
     * Bins the n atoms at {@code x} (wrapped into {@code box}) into cells of at least half of cutoff + skin, each
     * cell's atoms sorted by index.
     */
    void bin(cl_mem x, Box box) {
        double[] widths = {box.lx(), box.ly(), box.lz()};
        for (int k = 0; k < 3; k++) {
            if (widths[k] < 2 * cutoff) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "box width %.4f Å along cell vector %d is smaller than twice the cutoff %.4f Å", widths[k], k, cutoff));
            }
        }
        for (int k = 0; k < 3; k++) {
            nc[k] = Math.max(1, (int) Math.floor(widths[k] / (0.5 * rc)));
            st[k] = (int) Math.ceil(rc / (widths[k] / nc[k]) - 1e-12);
        }
        if (Math.max(nc[0], Math.max(nc[1], nc[2])) > 1024) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "box %.4g x %.4g x %.4g Å needs more than 1024 "
                    + "neighbour cells along an axis", widths[0], widths[1], widths[2]));
        }
        int cells = nc[0] * nc[1] * nc[2];
        if (cells != ncells) {
            memory.release(dCount);
            memory.release(dCellStart);
            memory.release(dFill);
            dCount = memory.alloc(4L * cells);
            dCellStart = memory.alloc(4L * (cells + 1));
            dFill = memory.alloc(4L * cells);
            ncells = cells;
        }
        ClRuntime.check(CL.clEnqueueFillBuffer(rt.queue(), dCount, Pointer.to(new int[] {0}), 4, 0, 4L * cells, 0, null, null), "clEnqueueFillBuffer");
        ClCalls.args(kBinCount, n, x, box.xlo(), box.ylo(), box.zlo(), box.lx(), box.ly(), box.lz(), nc[0], nc[1],
                nc[2], dCellOf, dCount, dCellXyz);
        ClCalls.run(rt, kBinCount, n);
        ClCalls.args(kBinScan, cells, dCount, dCellStart, dFill);
        ClCalls.run(rt, kBinScan, 1);
        ClCalls.args(kBinFill, n, dCellOf, dCellStart, dFill, dCellAtoms);
        ClCalls.run(rt, kBinFill, n);
        ClCalls.args(kBinSort, cells, dCellStart, dCellAtoms);
        ClCalls.run(rt, kBinSort, cells);
    }

    /** After {@link #bin}: the atoms in cell order (n ints: position k holds an atom index), for renumbering. */
    cl_mem cellOrder() { return dCellAtoms; }

    /**
     * The owner renumbered its atoms by {@link #cellOrder()}: the cells and cell coordinates follow, and each cell's
     * atom list becomes its new, consecutive indices.
     */
    void renumbered() {
        dCellOf = gatherInt(dCellOf);
        dCellXyz = gatherInt(dCellXyz);
        ClCalls.args(kIota, n, dCellAtoms);
        ClCalls.run(rt, kIota, n);
    }

    private cl_mem gatherInt(cl_mem src) {
        cl_mem dst = dScratch;
        ClCalls.args(kGatherInt, n, 1, dCellAtoms, src, dst);
        ClCalls.run(rt, kGatherInt, n);
        dScratch = src;
        return dst;
    }

    /**
     * Builds the list from the positions at {@code x} as binned (growing it as needed) and returns each atom's closest
     * squared distance (Å^2) over its listed pairs, for the overlap check.
     */
    double[] build(cl_mem x, Box box) {
        int[] counts = new int[n];
        if (maxNbr == 0) {
            // full list from the mean density, 30 % margin; the half list about half of that
            int full = (int) Math.max(16, 1.3 * (4.0 / 3.0 * Math.PI * rc * rc * rc) * n / box.volume());
            maxNbr = halfList ? full / 2 + full / 16 + 8 : full;
            dNbr = memory.alloc(4L * maxNbr * n);
        }
        while (true) {
            ClCalls.args(kBuild, n, x, box.xlo(), box.ylo(), box.zlo(), box.lx(), box.ly(), box.lz(), nc[0], nc[1],
                    nc[2], st[0], st[1], st[2], rc * rc, dCellStart, dCellAtoms, maxNbr, dNbr, dNbrCount, dMinR2);
            ClCalls.run(rt, kBuild, n);
            int max = maxOf(dNbrCount, counts);
            if (max <= maxNbr) break;
            memory.release(dNbr);
            maxNbr = (int) (1.2 * max) + 8;
            dNbr = memory.alloc(4L * maxNbr * n);
        }
        double[] minR2 = new double[n];
        ClRuntime.check(CL.clEnqueueReadBuffer(rt.queue(), dMinR2, true, 0, 8L * n, Pointer.to(minR2), 0, null, null), "clEnqueueReadBuffer");
        return minR2;
    }

    /** The largest of the n ints in {@code m} (read into {@code into}). */
    private int maxOf(cl_mem m, int[] into) {
        ClRuntime.check(CL.clEnqueueReadBuffer(rt.queue(), m, true, 0, 4L * n, Pointer.to(into), 0, null, null), "clEnqueueReadBuffer");
        int max = 0;
        for (int c : into) max = Math.max(max, c);
        return max;
    }

    /** The list: each atom's neighbours (full list) or its owned neighbours (half list), maxNbr per atom. */
    cl_mem list() { return dNbr; }

    /** Entries per atom in {@link #list()}. */
    cl_mem counts() { return dNbrCount; }

    int maxNbr() { return maxNbr; }

    @Override
    public void close() {
        for (cl_kernel k : new cl_kernel[] {kBinCount, kBinScan, kBinFill, kBinSort, kBuild, kGatherInt, kIota}) {
            CL.clReleaseKernel(k);
        }
    }
}
