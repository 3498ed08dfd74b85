package org.glasssoftness.core.md.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.glasssoftness.core.md.ForceEvaluator;
import org.glasssoftness.core.md.Forces;
import org.glasssoftness.core.md.MdState;
import org.glasssoftness.core.md.forcefield.PairCoefficients;
import org.glasssoftness.core.md.integrate.NoseHooverChain;
import org.glasssoftness.core.md.integrate.NoseHooverNpt;
import org.glasssoftness.core.md.integrate.Thermo;
import org.glasssoftness.core.md.integrate.VelocityVerlet;
import org.glasssoftness.core.md.kspace.Ewald;
import org.glasssoftness.core.md.kspace.KSpace;
import org.glasssoftness.core.md.kspace.Pppm;
import org.glasssoftness.core.md.opencl.ClBuildException;
import org.glasssoftness.core.md.opencl.ClForces;
import org.glasssoftness.core.md.opencl.ClPppm;
import org.glasssoftness.core.md.opencl.ClNoseHooverNpt;
import org.glasssoftness.core.md.opencl.ClFireMinimizer;
import org.glasssoftness.core.md.opencl.ClVelocityVerlet;
import org.glasssoftness.core.md.opencl.ClRuntime;
import org.glasssoftness.core.md.opencl.OpenClUnavailableException;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.ResultTable;

/**
 * Runs stages on one {@link MdState} and records the thermo table (every {@code thermoEvery} steps and at the end of
 * each stage) and frames (every {@code dumpEvery} steps). A cancel stops at the next step; everything recorded so far
 * stays valid and is returned by {@link #thermoTable()} and {@link #frames()}.
 */
public final class MdSimulation implements AutoCloseable {
    private final MdState state;
    private final MdSettings settings;
    private final Forces forces;
    /** Why the OpenCL backend was asked for but not used (null when it was used or not asked for). */
    private final String backendWarning;
    private final ThermoLog thermo = new ThermoLog();
    private final List<Frame> frames = new ArrayList<>();
    private double timePs;
    private boolean startRecorded;
    private double tensionLx0 = Double.NaN;
    private String tensionStage;

    public MdSimulation(MdState state, PairCoefficients[][] coeffs, MdSettings settings) {
        this(state, coeffs, settings, null);
    }

    /**
     * @param deviceFilter OpenCL device forced by a substring of "platform / device name" (null: the system property
     *                     {@value ClRuntime#DEVICE_PROPERTY}, else the best device); unused on the Java backend
     */
    public MdSimulation(MdState state, PairCoefficients[][] coeffs, MdSettings settings, String deviceFilter) {
        this.state = state;
        this.settings = settings;
        String warning = null;
        Forces f = null;
        if (!settings.backend().equals(MdSettings.BACKEND_JAVA)) {
            String forced = deviceFilter != null ? deviceFilter : System.getProperty(ClRuntime.DEVICE_PROPERTY);
            // auto: the best OpenCL device (GPU, accelerator, then CPU: PoCL is 1.6-2.3x the Java backend in double
            // precision, docs/benchmarks/md-opencl.md; it is listed only under JVM signal chaining), else Java
            boolean auto = settings.backend().equals(MdSettings.BACKEND_AUTO) && (forced == null || forced.isBlank());
            try {
                f = openCl(coeffs, settings, forced);
            } catch (OpenClUnavailableException | ClBuildException e) {
                // auto falling back to Java is the expected case without a usable OpenCL device: no warning then
                if (!auto || e instanceof ClBuildException) {
                    warning = "OpenCL unavailable (" + e.getMessage() + "): running on the Java backend";
                }
            }
        }
        if (f == null) {
            // real-space Coulomb from a table, as LAMMPS does by default (pair_modify table 12); differences to the
            // exact kernel ~1e-9 relative (TabulatedCoulombTest)
            f = new ForceEvaluator(coeffs, settings.cutoffA(), settings.skinA(), kspace(settings), settings.threads(), true);
        }
        this.forces = f;
        this.backendWarning = warning;
    }

    private static KSpace kspace(MdSettings settings) {
        return settings.kspace().equals("ewald") ? new Ewald(settings.accuracy(), settings.cutoffA())
                : new Pppm(settings.accuracy(), settings.cutoffA(), 5, settings.threads());
    }

    /**
     * The OpenCL force backend for these settings on the device forced by {@code deviceFilter} (null: the system
     * property {@value ClRuntime#DEVICE_PROPERTY}, else the best device).
     *
     * @throws OpenClUnavailableException when there is no usable device
     * @throws ClBuildException           when the kernels do not build (message with the build log)
     */
    public static Forces openCl(PairCoefficients[][] coeffs, MdSettings settings, String deviceFilter) {
        ClRuntime rt = ClRuntime.open(deviceFilter != null ? deviceFilter : System.getProperty(ClRuntime.DEVICE_PROPERTY));
        boolean mixed = settings.precision().equals(MdSettings.PRECISION_MIXED);
        ClPppm pppm = null;
        try {
            if (!rt.info().fp64()) {
                throw new OpenClUnavailableException(rt.info().describe() + " has no double support (cl_khr_fp64), "
                        + "which both precision modes need (double accumulation)");
            }
            if (settings.kspace().equals("pppm")) {
                try {
                    pppm = new ClPppm(rt.context(), rt.queue(), rt.device(), mixed, settings.accuracy(),
                            settings.cutoffA(), 5);
                } catch (IllegalStateException e) {
                    throw new ClBuildException("device PPPM: " + e.getMessage());
                }
                // exact pair kernel: the tabulated one (setTabulated) is slower on PoCL (docs/benchmarks/md-opencl.md)
                return new ClForces(rt, true, coeffs, settings.cutoffA(), settings.skinA(), pppm, mixed);
            }
            return new ClForces(rt, true, coeffs, settings.cutoffA(), settings.skinA(), kspace(settings), mixed);
        } catch (RuntimeException e) {
            if (pppm != null) pppm.close();
            rt.close();
            throw e;
        }
    }

    /** For tests: a simulation on the given force backend (closed with the simulation). */
    public MdSimulation(MdState state, Forces forces, MdSettings settings) {
        this.state = state;
        this.settings = settings;
        this.forces = forces;
        this.backendWarning = null;
    }

    /** "java" or "opencl": the backend that runs. */
    public String backend() {
        return forces instanceof ClForces ? MdSettings.BACKEND_OPENCL : MdSettings.BACKEND_JAVA;
    }

    /** Backend, precision and device that run, e.g. "opencl double on OpenCL CPU '...' (...)" or "java (2 threads)". */
    public String backendDescription() { return forces.describe(); }

    /** Why the OpenCL backend that was asked for is not used (with the reason), or null. */
    public String backendWarning() { return backendWarning; }

    public MdState state() { return state; }

    /** Simulated time so far (ps). */
    public double timePs() { return timePs; }

    /** Sets the simulated time (when continuing from a checkpoint). */
    public void setTimePs(double t) { this.timePs = t; }

    public Forces forces() { return forces; }

    /**
     * FIRE minimisation (at most {@code maxSteps}, until the largest force is below {@code fTol} eV/Å); velocities are
     * zero afterwards. Recorded as a thermo row of stage "minimize".
     */
    public org.glasssoftness.core.md.integrate.FireMinimizer.Result minimize(int maxSteps, double fTol, Progress progress) {
        // device-resident when the k-space part is on the device (PPPM): only block reductions come back per step
        org.glasssoftness.core.md.integrate.FireMinimizer.Result r = forces instanceof ClForces cf && cf.kspace() == null
                ? new ClFireMinimizer(cf, settings.dtPs(), 0.1).minimize(state, maxSteps, fTol, progress)
                : new org.glasssoftness.core.md.integrate.FireMinimizer(forces, settings.dtPs(), 0.1).minimize(state, maxSteps, fTol, progress);
        thermo.add("minimize", state, timePs, forces.compute(state));
        return r;
    }

    /** Runs the stages in order; progress fractions cover all of them. */
    public void run(List<Stage> stages, Progress progress) {
        long total = 0, done = 0;
        for (Stage st : stages) total += st.steps();
        for (Stage st : stages) {
            final long offset = done;
            final long all = Math.max(1, total);
            Progress inner = new Progress() {
                @Override
                public void report(double fraction, String message) {
                    progress.report((offset + fraction * st.steps()) / all, st.name() + ": " + message);
                }

                @Override
                public boolean isCanceled() { return progress.isCanceled(); }
            };
            runStage(st, inner);
            done += st.steps();
        }
    }

    private void runStage(Stage st, Progress progress) {
        // a fresh neighbour list at every stage start: a run restarted from a checkpoint between stages then sums
        // forces in exactly the same order as the uninterrupted run
        forces.invalidate();
        VelocityVerlet.StepObserver obs = (s, e) -> {
            timePs += settings.dtPs();
            if (s.step % settings.thermoEvery() == 0) record(st, e);
            if (settings.dumpEvery() > 0 && s.step % settings.dumpEvery() == 0) frames.add(frame());
        };
        ForceEvaluator.Energies e0, end;
        java.util.function.LongPredicate syncAt = step -> step % settings.thermoEvery() == 0
                || (settings.dumpEvery() > 0 && step % settings.dumpEvery() == 0);
        if (st.ensemble() == Stage.Ensemble.NPT || st.ensemble() == Stage.Ensemble.TENSION) {
            boolean tension = st.ensemble() == Stage.Ensemble.TENSION;
            if (tension) {
                tensionLx0 = state.box.lx();
                tensionStage = st.name();
            }
            boolean iso = st.axes().equals("iso");
            if (forces instanceof ClForces cf && cf.kspace() == null) {
                // device-resident NPT/tension: barostat and chain scalars on the host, particles on the device
                ClNoseHooverNpt npt = new ClNoseHooverNpt(cf, settings.dtPs(), st.tStartK(), st.tStopK(), st.tDampPs(),
                        st.pStartBar(), st.pStopBar(), st.pDampPs(), iso, st.barostatAxes());
                if (tension) npt.deformX(st.strainRatePerPs());
                e0 = npt.setup(state);
                tensionStartRows(st, e0);
                npt.run(state, st.steps(), obs, progress, syncAt);
                end = npt.last();
            } else {
                NoseHooverNpt npt = new NoseHooverNpt(forces, settings.dtPs(), st.tStartK(), st.tStopK(), st.tDampPs(),
                        st.pStartBar(), st.pStopBar(), st.pDampPs(), iso, st.barostatAxes());
                if (tension) npt.deformX(st.strainRatePerPs());
                e0 = npt.setup(state);
                tensionStartRows(st, e0);
                npt.run(state, st.steps(), obs, progress);
                end = npt.last();
            }
        } else if (forces instanceof ClForces cf && cf.kspace() == null) {
            // device-resident: positions, velocities and forces stay on the device between thermo/dump steps
            ClVelocityVerlet vv = new ClVelocityVerlet(cf, settings.dtPs(),
                    st.ensemble() == Stage.Ensemble.NVT ? new NoseHooverChain(st.tStartK(), st.tStopK(), st.tDampPs()) : null);
            e0 = vv.setup(state);
            startRows(st, e0);
            vv.run(state, st.steps(), obs, progress, syncAt);
            end = vv.last();
        } else {
            VelocityVerlet vv = new VelocityVerlet(forces, settings.dtPs(),
                    st.ensemble() == Stage.Ensemble.NVT ? new NoseHooverChain(st.tStartK(), st.tStopK(), st.tDampPs()) : null);
            e0 = vv.setup(state);
            startRows(st, e0);
            vv.run(state, st.steps(), obs, progress);
            end = vv.last();
        }
        if (state.step % settings.thermoEvery() != 0) record(st, end);
    }

    /**
     * {@link #startRows}, and for a tension stage a thermo (and stress-strain) row of its first configuration unless
     * that was just recorded: the stress-strain table starts at strain 0.
     */
    private void tensionStartRows(Stage st, ForceEvaluator.Energies e0) {
        boolean recorded = startRows(st, e0);
        if (st.ensemble() == Stage.Ensemble.TENSION && !recorded) record(st, e0);
    }

    /** Records the run's first thermo row and frame; true when it recorded the thermo row now. */
    private boolean startRows(Stage st, ForceEvaluator.Energies e0) {
        boolean now = false;
        if (!startRecorded) {
            record(st, e0);
            startRecorded = true;
            now = true;
        }
        if (frames.isEmpty() && settings.dumpEvery() > 0) frames.add(frame());
        return now;
    }

    private void record(Stage st, ForceEvaluator.Energies e) {
        thermo.add(st.name(), state, timePs, e);
    }

    /** The current configuration as a frame (positions in the box with image flags, velocities). */
    public Frame frame() {
        int[] types = new int[state.n];
        for (int i = 0; i < state.n; i++) types[i] = state.species[i] + 1;
        return new Frame(state.step, state.box, state.ids.clone(), types, state.speciesNames, state.species.clone(),
                state.x.clone(), false, state.image.clone(), state.v.clone(), null);
    }

    public ResultTable thermoTable() { return thermo.table(); }

    /**
     * Stress-strain table of the last tension stage: engineering strain (lx/lx0 - 1) and stress sigma = -P (GPa,
     * virial plus kinetic part, tension positive) at every thermo row of that stage; empty when there was none.
     */
    public ResultTable stressStrainTable() {
        ResultTable t = thermo.table();
        String[] stage = t.column("stage").strings();
        long[] step = t.column("step").longs();
        double[] lx = t.column("lx_A").doubles();
        double[][] p = {t.column("Pxx_bar").doubles(), t.column("Pyy_bar").doubles(), t.column("Pzz_bar").doubles()};
        java.util.List<Integer> rows = new java.util.ArrayList<>();
        for (int i = 0; i < stage.length; i++) if (stage[i].equals(tensionStage)) rows.add(i);
        int n = rows.size();
        long[] st = new long[n];
        double[] strain = new double[n], sxx = new double[n], syy = new double[n], szz = new double[n];
        for (int k = 0; k < n; k++) {
            int i = rows.get(k);
            st[k] = step[i];
            strain[k] = lx[i] / tensionLx0 - 1;
            sxx[k] = -p[0][i] * 1e-4; syy[k] = -p[1][i] * 1e-4; szz[k] = -p[2][i] * 1e-4;
        }
        return ResultTable.builder("stress_strain").longs("step", st).doubles("strain", strain)
                .doubles("sigma_xx_GPa", sxx).doubles("sigma_yy_GPa", syy).doubles("sigma_zz_GPa", szz).build();
    }

    public List<Frame> frames() { return Collections.unmodifiableList(frames); }

    @Override
    public void close() {
        forces.close();
    }

    /** Rows of the thermo table, column-wise. */
    static final class ThermoLog {
        private final List<String> stage = new ArrayList<>();
        private final List<Long> step = new ArrayList<>();
        private final List<double[]> rows = new ArrayList<>();
        static final String[] COLS = {"time_ps", "T_K", "PE_eV", "KE_eV", "Etotal_eV", "P_bar", "Pxx_bar", "Pyy_bar",
            "Pzz_bar", "Pxy_bar", "Pxz_bar", "Pyz_bar", "V_A3", "density_g_cm3", "lx_A", "ly_A", "lz_A"};

        int size() { return step.size(); }

        void add(String stageName, MdState s, double time, ForceEvaluator.Energies e) {
            double ke = Thermo.kinetic(s);
            double[] p = Thermo.pressureTensor(s, e.virial());
            double mass = 0;
            for (int i = 0; i < s.n; i++) mass += s.mass[i];
            double v = s.box.volume();
            double density = mass / 6.02214076e23 / (v * 1e-24);
            stage.add(stageName);
            step.add(s.step);
            rows.add(new double[] {time, Thermo.temperature(s), e.pe(), ke, e.pe() + ke, (p[0] + p[1] + p[2]) / 3,
                p[0], p[1], p[2], p[3], p[4], p[5], v, density, s.box.lx(), s.box.ly(), s.box.lz()});
        }

        ResultTable table() {
            int n = step.size();
            ResultTable.Builder b = ResultTable.builder("thermo");
            long[] st = new long[n];
            for (int i = 0; i < n; i++) st[i] = step.get(i);
            b.longs("step", st);
            b.strings("stage", stage.toArray(new String[0]));
            for (int c = 0; c < COLS.length; c++) {
                double[] col = new double[n];
                for (int i = 0; i < n; i++) col[i] = rows.get(i)[c];
                b.doubles(COLS[c], col);
            }
            return b.build();
        }
    }

}
