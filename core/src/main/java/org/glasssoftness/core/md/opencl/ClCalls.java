package org.glasssoftness.core.md.opencl;

import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/** Kernel creation, arguments and 1D launches shared by {@link ClForces} and {@link ClNeighborList}. */
final class ClCalls {
    /** Work-group size of the 1D launches. */
    static final int LOCAL = 64;

    private ClCalls() { }

    static cl_kernel kernel(cl_program program, String name) {
        int[] err = new int[1];
        cl_kernel k = CL.clCreateKernel(program, name, err);
        ClRuntime.check(err[0], "clCreateKernel " + name);
        return k;
    }

    /** Sets the arguments in order: cl_mem, Integer (int) or Double (double). */
    static void args(cl_kernel k, Object... values) {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof cl_mem m) ClRuntime.check(CL.clSetKernelArg(k, i, Sizeof.cl_mem, Pointer.to(m)), "clSetKernelArg");
            else if (v instanceof Integer x) ClRuntime.check(CL.clSetKernelArg(k, i, Sizeof.cl_int, Pointer.to(new int[] {x})), "clSetKernelArg");
            else if (v instanceof Double x) ClRuntime.check(CL.clSetKernelArg(k, i, Sizeof.cl_double, Pointer.to(new double[] {x})), "clSetKernelArg");
            else throw new IllegalArgumentException("kernel argument " + i + ": " + v);
        }
    }

    /** Enqueues {@code work} work items (rounded up to the work-group size; kernels check their bound). */
    static void run(ClRuntime rt, cl_kernel k, int work) {
        long global = ((long) Math.max(1, work) + LOCAL - 1) / LOCAL * LOCAL;
        ClRuntime.check(CL.clEnqueueNDRangeKernel(rt.queue(), k, 1, null, new long[] {global}, new long[] {LOCAL}, 0,
                null, null), "clEnqueueNDRangeKernel");
    }
}
