package org.glasssoftness.core.md.opencl;

import static org.jocl.CL.CL_DEVICE_TYPE_CPU;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_TRUE;

import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_mem;
import org.jocl.cl_platform_id;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A context and in-order queue on the first OpenCL device (a GPU if any platform has one, else a CPU, e.g. PoCL) for
 * the ClPppm tests. No device is a test failure unless {@code -Dglasssoftness.opencl.optional=true}, where the tests
 * are reported as skipped.
 */
final class ClPppmTestDevice implements AutoCloseable {
    final cl_context context;
    final cl_command_queue queue;
    final cl_device_id device;

    private ClPppmTestDevice(cl_context context, cl_command_queue queue, cl_device_id device) {
        this.context = context;
        this.queue = queue;
        this.device = device;
    }

    @SuppressWarnings("deprecation")
    static ClPppmTestDevice open() {
        String why;
        try {
            for (long type : new long[] {CL_DEVICE_TYPE_GPU, CL_DEVICE_TYPE_CPU}) {
                int[] np = new int[1];
                CL.clGetPlatformIDs(0, null, np);
                cl_platform_id[] platforms = new cl_platform_id[np[0]];
                CL.clGetPlatformIDs(np[0], platforms, null);
                for (cl_platform_id p : platforms) {
                    int[] nd = new int[1];
                    if (CL.clGetDeviceIDs(p, type, 0, null, nd) != CL.CL_SUCCESS || nd[0] == 0) continue;
                    cl_device_id[] ds = new cl_device_id[nd[0]];
                    CL.clGetDeviceIDs(p, type, nd[0], ds, null);
                    cl_context_properties props = new cl_context_properties();
                    props.addProperty(CL.CL_CONTEXT_PLATFORM, p);
                    cl_context ctx = CL.clCreateContext(props, 1, new cl_device_id[] {ds[0]}, null, null, null);
                    cl_command_queue q = CL.clCreateCommandQueue(ctx, ds[0], 0, null); // in order; 1.2 API for old platforms
                    return new ClPppmTestDevice(ctx, q, ds[0]);
                }
            }
            why = "no OpenCL GPU or CPU device on any platform";
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            why = "OpenCL unavailable: " + e;
        }
        if (Boolean.getBoolean("glasssoftness.opencl.optional")) Assumptions.abort(why);
        Assertions.fail(why + " (install PoCL, or set -Dglasssoftness.opencl.optional=true to skip)");
        throw new AssertionError(why);
    }

    String name() { return ClPppm.deviceName(device); }

    cl_mem upload(double[] v) {
        cl_mem m = CL.clCreateBuffer(context, CL.CL_MEM_READ_WRITE, (long) v.length * Sizeof.cl_double, null, null);
        write(m, v);
        return m;
    }

    void write(cl_mem m, double[] v) {
        CL.clEnqueueWriteBuffer(queue, m, CL_TRUE, 0, (long) v.length * Sizeof.cl_double, Pointer.to(v), 0, null, null);
    }

    double[] read(cl_mem m, int len) {
        double[] v = new double[len];
        CL.clEnqueueReadBuffer(queue, m, CL_TRUE, 0, (long) len * Sizeof.cl_double, Pointer.to(v), 0, null, null);
        return v;
    }

    @Override
    public void close() {
        CL.clReleaseCommandQueue(queue);
        CL.clReleaseContext(context);
    }
}
