package org.glasssoftness.core.study;

import java.util.Locale;

/**
 * The three sizes of the study (engine settings; stage strings in the grammar of {@code md.protocol.StageParser}).
 * {@link #TINY} is for CI, {@link #SMALL} is the README's main job and the workflow's default (minutes on a 2-core
 * CPU), {@link #FULL} is the paper's protocol (Du et al. 2023, Methods 4.1-4.6: ~10,000 atoms, 1 K/ps quench, 1 ns NVT
 * at 300 K, tension at 5e10 1/s with the glass replicated twice along x, radial features dr 0.2 Å, R_c 10 Å,
 * D_c = 360 Å). Tiny and small shorten every stage and strain 10x faster than the paper; their Li labels are the top
 * 30 % by D_cum (the paper's D_c marks about 30 % of Li mobile) because a short trajectory never reaches 360 Å.
 */
public enum StudyScale {
    TINY(360, 6.0, 1e-4, 50,
            "melt:nvt:150:3000,quench:nvt:300:3000:300,relax:npt:150:300:300:0:0",
            "nvt300:nvt:200:300", 20,
            "tension:tension:300:300:0:0.5", 30, 1,
            0.5, 5.0, "top:0.3"),
    SMALL(600, 8.0, 1e-5, 200,
            "melt:nvt:500:3000,quench:nvt:1000:3000:300,relax:npt:300:300:300:0:0",
            "nvt300:nvt:500:300", 25,
            "tension:tension:500:300:0:0.5", 25, 1,
            0.2, 8.0, "top:0.3"),
    FULL(10000, 10.0, 1e-5, 500,
            "melt-quench",
            "nvt300:nvt:1000000:300", 1000,
            "tensile", 200, 2,
            0.2, 10.0, "threshold:360");

    /** Target atom count of the glass builder (rounded to whole, neutral formula units). */
    public final int atoms;
    /** Real-space cutoff (Å) of the Buckingham and Coulomb terms. */
    public final double cutoffA;
    /** PPPM relative force accuracy. */
    public final double kspaceAccuracy;
    /** FIRE minimisation steps after the random packing. */
    public final int fireSteps;
    /** Melt-quench stages; the glass is the last configuration. */
    public final String quenchStages;
    /** 300 K NVT stages of the Li trajectory. */
    public final String nvtStages;
    /** Frame interval (steps) of the NVT trajectory. */
    public final int nvtDumpEvery;
    /** Tensile stages (along x) of the B trajectory. */
    public final String tensionStages;
    /** Frame interval (steps) of the tension trajectory. */
    public final int tensionDumpEvery;
    /** Copies of the glass along x before the tensile test (the paper: 2). */
    public final int replicateX;
    /** Radial feature grid spacing dr (Å). */
    public final double featureDr;
    /** Radial feature cutoff R_c (Å). */
    public final double featureRc;
    /** Li mobility rule in {@code dynamics.MobilityLabel.parse} form. */
    public final String liLabel;

    StudyScale(int atoms, double cutoffA, double kspaceAccuracy, int fireSteps, String quenchStages, String nvtStages,
               int nvtDumpEvery, String tensionStages, int tensionDumpEvery, int replicateX, double featureDr,
               double featureRc, String liLabel) {
        this.atoms = atoms;
        this.cutoffA = cutoffA;
        this.kspaceAccuracy = kspaceAccuracy;
        this.fireSteps = fireSteps;
        this.quenchStages = quenchStages;
        this.nvtStages = nvtStages;
        this.nvtDumpEvery = nvtDumpEvery;
        this.tensionStages = tensionStages;
        this.tensionDumpEvery = tensionDumpEvery;
        this.replicateX = replicateX;
        this.featureDr = featureDr;
        this.featureRc = featureRc;
        this.liLabel = liLabel;
    }

    /** Lower-case name as on the command line ("tiny", "small", "full"). */
    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** The scale of a command-line name; fails naming the valid ones. */
    public static StudyScale parse(String text) {
        for (StudyScale s : values()) if (s.id().equalsIgnoreCase(text.trim())) return s;
        throw new IllegalArgumentException("scale must be tiny, small or full, got '" + text + "'");
    }
}
