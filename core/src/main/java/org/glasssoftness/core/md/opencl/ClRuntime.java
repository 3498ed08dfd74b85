package org.glasssoftness.core.md.opencl;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_DEVICE_EXTENSIONS;
import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_COMPUTE_UNITS;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ACCELERATOR;
import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.CL_DEVICE_TYPE_CPU;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_DEVICE_VERSION;
import static org.jocl.CL.CL_PLATFORM_NAME;
import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;
import org.jocl.cl_program;

/**
 * One OpenCL device with its context and in-order command queue, chosen through JOCL: every device of every platform
 * is listed and the first of the order GPU &gt; accelerator &gt; CPU is taken (platform and device order break ties),
 * unless a device is forced by name (a case-insensitive substring of "platform / device"; the system property
 * {@value #DEVICE_PROPERTY} sets the default). When JOCL cannot load its native library or the system's
 * libOpenCL.so, when there is no platform, or no (matching) device, {@link #open} throws
 * {@link OpenClUnavailableException} with a message that says why, and the caller runs on the Java backend.
 */
public final class ClRuntime implements AutoCloseable {
    /** System property forcing a device by a substring of "platform / device name" (e.g. "pocl", "H100"). */
    public static final String DEVICE_PROPERTY = "glasssoftness.opencl.device";

    /** One listed device. */
    public record DeviceInfo(cl_platform_id platform, cl_device_id device, String platformName, String name,
                             long type, String version, boolean fp64, long globalMemBytes, int computeUnits) {
        /** "GPU", "accelerator" or "CPU". */
        public String typeName() {
            if ((type & CL_DEVICE_TYPE_GPU) != 0) return "GPU";
            if ((type & CL_DEVICE_TYPE_ACCELERATOR) != 0) return "accelerator";
            if ((type & CL_DEVICE_TYPE_CPU) != 0) return "CPU";
            return "other";
        }

        int rank() {
            if ((type & CL_DEVICE_TYPE_GPU) != 0) return 0;
            if ((type & CL_DEVICE_TYPE_ACCELERATOR) != 0) return 1;
            if ((type & CL_DEVICE_TYPE_CPU) != 0) return 2;
            return 3;
        }

        /** e.g. "OpenCL CPU 'cpu-haswell-...' (Portable Computing Language, 2 compute units)". */
        public String describe() {
            return String.format(Locale.ROOT, "OpenCL %s '%s' (%s, %d compute units)", typeName(), name, platformName,
                    computeUnits);
        }
    }

    private final DeviceInfo info;
    private final cl_context context;
    private final cl_command_queue queue;

    private ClRuntime(DeviceInfo info) {
        this.info = info;
        cl_context_properties props = new cl_context_properties();
        props.addProperty(CL_CONTEXT_PLATFORM, info.platform());
        int[] err = new int[1];
        this.context = CL.clCreateContext(props, 1, new cl_device_id[] {info.device()}, null, null, err);
        check(err[0], "clCreateContext");
        this.queue = CL.clCreateCommandQueue(context, info.device(), 0, err);
        check(err[0], "clCreateCommandQueue");
    }

    /** Opens the device forced by {@value #DEVICE_PROPERTY}, or the best one. */
    public static ClRuntime open() {
        return open(System.getProperty(DEVICE_PROPERTY));
    }

    /**
     * Opens the first device in the order GPU &gt; accelerator &gt; CPU whose "platform / name" contains
     * {@code deviceFilter} (case-insensitive; null or blank: any device).
     *
     * @throws OpenClUnavailableException when OpenCL cannot be loaded or no device matches
     */
    public static ClRuntime open(String deviceFilter) {
        List<DeviceInfo> all = devices();
        String f = deviceFilter == null ? "" : deviceFilter.trim().toLowerCase(Locale.ROOT);
        List<DeviceInfo> ok = new ArrayList<>();
        for (DeviceInfo d : all) {
            if (f.isEmpty() || (d.platformName() + " / " + d.name()).toLowerCase(Locale.ROOT).contains(f)) ok.add(d);
        }
        if (ok.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (DeviceInfo d : all) names.append(names.length() == 0 ? "" : ", ").append(d.platformName()).append(" / ").append(d.name());
            throw new OpenClUnavailableException("no OpenCL device matches '" + deviceFilter + "' (devices: " + names + ")");
        }
        ok.sort(Comparator.comparingInt(DeviceInfo::rank)); // stable: platform and device order break ties
        try {
            return new ClRuntime(ok.get(0));
        } catch (CLException e) {
            throw new OpenClUnavailableException("cannot create an OpenCL context on " + ok.get(0).describe() + ": "
                    + e.getMessage());
        }
    }

    /**
     * Every OpenCL device of every platform.
     *
     * @throws OpenClUnavailableException when the JOCL native library or libOpenCL.so cannot be loaded, or there is no
     *                                    platform or no device
     */
    public static List<DeviceInfo> devices() {
        List<DeviceInfo> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try {
            // return codes are checked here (JOCL's exceptions are a global switch, left as other code set it)
            int[] np = new int[1];
            int code = CL.clGetPlatformIDs(0, null, np);
            if (code != CL.CL_SUCCESS || np[0] == 0) {
                // ocl-icd answers CL_PLATFORM_NOT_FOUND_KHR when no ICD is installed
                throw new OpenClUnavailableException("no OpenCL platform found"
                        + (code != CL.CL_SUCCESS ? " (" + CL.stringFor_errorCode(code) + ")" : ""));
            }
            cl_platform_id[] platforms = new cl_platform_id[np[0]];
            check(CL.clGetPlatformIDs(np[0], platforms, null), "clGetPlatformIDs");
            for (cl_platform_id p : platforms) {
                String pname = platformString(p, CL_PLATFORM_NAME);
                if (replacesJvmSignalHandlers(pname) && !signalChaining()) {
                    skipped.add(pname);
                    continue; // not even clGetDeviceIDs: that is where it installs LLVM's handlers
                }
                int[] nd = new int[1];
                int c = CL.clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, 0, null, nd);
                if (c != CL.CL_SUCCESS || nd[0] == 0) continue; // CL_DEVICE_NOT_FOUND: a platform without devices
                cl_device_id[] ds = new cl_device_id[nd[0]];
                check(CL.clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, nd[0], ds, null), "clGetDeviceIDs");
                for (cl_device_id d : ds) {
                    long[] type = new long[1];
                    CL.clGetDeviceInfo(d, CL_DEVICE_TYPE, Sizeof.cl_long, Pointer.to(type), null);
                    long[] mem = new long[1];
                    CL.clGetDeviceInfo(d, CL_DEVICE_GLOBAL_MEM_SIZE, Sizeof.cl_long, Pointer.to(mem), null);
                    int[] cu = new int[1];
                    CL.clGetDeviceInfo(d, CL_DEVICE_MAX_COMPUTE_UNITS, Sizeof.cl_int, Pointer.to(cu), null);
                    String ext = deviceString(d, CL_DEVICE_EXTENSIONS);
                    out.add(new DeviceInfo(p, d, pname, deviceString(d, CL_DEVICE_NAME), type[0],
                            deviceString(d, CL_DEVICE_VERSION), ext.contains("cl_khr_fp64"), mem[0], cu[0]));
                }
            }
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new OpenClUnavailableException("the OpenCL library cannot be loaded (" + e.getMessage() + ")");
        } catch (CLException e) {
            throw new OpenClUnavailableException("OpenCL query failed (" + e.getMessage() + ")");
        }
        if (out.isEmpty() && !skipped.isEmpty()) {
            throw new OpenClUnavailableException("no OpenCL device found; skipped " + String.join(", ", skipped)
                    + ": it replaces the JVM's SIGSEGV handler with LLVM's when its devices are queried, which kills the"
                    + " JVM at its next safepoint; run Java with LD_PRELOAD=" + System.getProperty("java.home")
                    + "/lib/libjsig.so (JVM signal chaining; the glass-softness launcher and the build's tests do) to use it");
        }
        if (out.isEmpty()) throw new OpenClUnavailableException("no OpenCL device found");
        return out;
    }

    /**
     * PoCL (the CPU OpenCL of Debian's pocl-opencl-icd) links LLVM, whose crash handlers replace the process's SIGSEGV,
     * SIGBUS, SIGILL and SIGFPE handlers when PoCL's devices are first queried. HotSpot uses SIGSEGV for safepoint
     * polls and implicit null checks, so without signal chaining the JVM then dies with a bare "Segmentation fault"
     * at some later GC (seen in this project's CI). With libjsig preloaded the JVM's handlers stay first.
     */
    static boolean replacesJvmSignalHandlers(String platformName) {
        String p = platformName.toLowerCase(Locale.ROOT);
        return p.contains("portable computing language") || p.contains("pocl");
    }

    /** Whether the JVM's signal chaining library (libjsig) is preloaded, so native handlers cannot replace the JVM's. */
    static boolean signalChaining() {
        String preload = System.getenv("LD_PRELOAD");
        return preload != null && preload.contains("libjsig");
    }

    private static String platformString(cl_platform_id p, int what) {
        long[] size = new long[1];
        CL.clGetPlatformInfo(p, what, 0, null, size);
        byte[] b = new byte[(int) size[0]];
        CL.clGetPlatformInfo(p, what, b.length, Pointer.to(b), null);
        return cString(b);
    }

    private static String deviceString(cl_device_id d, int what) {
        long[] size = new long[1];
        CL.clGetDeviceInfo(d, what, 0, null, size);
        byte[] b = new byte[(int) size[0]];
        CL.clGetDeviceInfo(d, what, b.length, Pointer.to(b), null);
        return cString(b);
    }

    private static String cString(byte[] b) {
        int len = 0;
        while (len < b.length && b[len] != 0) len++;
        return new String(b, 0, len, StandardCharsets.UTF_8).trim();
    }

    public DeviceInfo info() { return info; }
    public cl_context context() { return context; }
    public cl_command_queue queue() { return queue; }
    public cl_device_id device() { return info.device(); }

    /**
     * Builds {@code source} for this device with {@code options}.
     *
     * @throws ClBuildException with the device's build log when the compiler rejects it
     */
    public cl_program build(String name, String source, String options) {
        int[] err = new int[1];
        cl_program p = CL.clCreateProgramWithSource(context, 1, new String[] {source}, null, err);
        check(err[0], "clCreateProgramWithSource");
        int code;
        try {
            code = CL.clBuildProgram(p, 1, new cl_device_id[] {info.device()}, options, null, null);
        } catch (CLException e) {
            code = e.getStatus(); // when another part of the program switched JOCL's exceptions on
        }
        if (code != CL.CL_SUCCESS) {
            String log = buildLog(p);
            CL.clReleaseProgram(p);
            throw new ClBuildException("OpenCL program '" + name + "' failed to build on " + info.describe()
                    + " (options '" + options + "'): " + CL.stringFor_errorCode(code) + "\nbuild log:\n" + log);
        }
        return p;
    }

    private String buildLog(cl_program p) {
        try {
            long[] size = new long[1];
            CL.clGetProgramBuildInfo(p, info.device(), CL_PROGRAM_BUILD_LOG, 0, null, size);
            byte[] b = new byte[(int) size[0]];
            CL.clGetProgramBuildInfo(p, info.device(), CL_PROGRAM_BUILD_LOG, b.length, Pointer.to(b), null);
            return cString(b);
        } catch (CLException e) {
            return "(no build log: " + e.getMessage() + ")";
        }
    }

    /** A kernel source resource of this package (UTF-8). */
    public static String resource(String name) {
        try (InputStream in = ClRuntime.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("kernel source " + name + " missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read kernel source " + name, e);
        }
    }

    /** Throws a {@link CLException} carrying the status when an OpenCL call did not succeed. */
    static void check(int code, String what) {
        if (code != CL.CL_SUCCESS) throw new CLException(what + " failed: " + CL.stringFor_errorCode(code), code);
    }

    @Override
    public void close() {
        CL.clReleaseCommandQueue(queue);
        CL.clReleaseContext(context);
    }

}
