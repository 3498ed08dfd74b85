package org.glasssoftness.core.softness;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.FrameSelection;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.ResultTable;

/**
 * The feature table of the Radial Features node and the {@code radial-features} subcommand: the radial features
 * G_X(i; r) and, when an {@link AngularDefinition} is given, the angular features Psi_XY(i; xi, lambda, zeta) of the same
 * focus atoms appended as further columns ({@code frame, timestep, id, species, G_..., Psi_...}). Without angular
 * features the table is exactly {@link FeatureSet#toTable}.
 */
public final class StructureFeatures {
    private final RadialFeatures radial;
    private final AngularFeatures angular;

    /**
     * @param radial  the radial features
     * @param angular the angular features, or null for radial only; its focus species must be the radial one
     */
    public StructureFeatures(FeatureDefinition radial, AngularDefinition angular) {
        if (angular != null && !angular.focusSpecies().equals(radial.focusSpecies())) {
            throw new IllegalArgumentException("angular focus species " + angular.focusSpecies() + " differs from the radial "
                    + radial.focusSpecies());
        }
        this.radial = new RadialFeatures(radial);
        this.angular = angular == null ? null : new AngularFeatures(angular);
    }

    public FeatureDefinition radialDefinition() { return radial.definition(); }

    /** The angular definition, or null. */
    public AngularDefinition angularDefinition() { return angular == null ? null : angular.definition(); }

    /** Number of feature columns. */
    public int featureCount() {
        return radial.definition().featureCount() + (angular == null ? 0 : angular.definition().featureCount());
    }

    /** The table with no rows: its columns, as a node's configure announces them. */
    public ResultTable emptyTable() {
        FeatureSet r = new FeatureSet(radial.definition(), new int[0], new long[0], new long[0], new String[0], new double[0]);
        return table(r, angular == null ? null
                : new AngularFeatureSet(angular.definition(), new int[0], new long[0], new long[0], new String[0], new double[0]));
    }

    /** The table of one frame. */
    public ResultTable compute(Frame frame, int frameIndex, Progress progress) {
        progress.checkCanceled();
        FeatureSet r = radial.compute(frame, frameIndex);
        return table(r, angular == null ? null : angular.compute(frame, frameIndex, progress));
    }

    /**
     * The table of the selected frames (first and last inside the trajectory), rows by frame then atom. Each frame is
     * read once for both the radial and the angular features.
     */
    public ResultTable compute(Trajectory t, FrameSelection frames, Progress progress) throws IOException {
        if (angular == null) return radial.compute(t, frames, progress).toTable("features");
        int[] selected = frames.indicesWithin(t.frameCount());
        int n = selected.length;
        List<FeatureSet> r = new ArrayList<>(n);
        List<AngularFeatureSet> a = new ArrayList<>(n);
        for (int sel = 0; sel < n; sel++) {
            int k = selected[sel];
            progress.checkCanceled();
            Frame f = t.frame(k);
            r.add(radial.compute(f, k));
            a.add(angular.compute(f, k, Progress.range(progress, (double) sel / n, (double) (sel + 1) / n,
                    "frame " + k + ": ")));
        }
        return table(RadialFeatures.concat(r), AngularFeatures.concat(a));
    }

    /** The radial table with the angular columns appended (the rows must be the same atoms in the same order). */
    public static ResultTable table(FeatureSet radial, AngularFeatureSet angular) {
        if (angular == null) return radial.toTable("features");
        if (!Arrays.equals(radial.ids(), angular.ids()) || !Arrays.equals(radial.frame(), angular.frame())) {
            throw new IllegalArgumentException("radial and angular features are not of the same atoms and frames");
        }
        ResultTable.Builder b = FocusAtoms.keyColumns("features", radial.frame(), radial.timestep(), radial.ids(),
                radial.species());
        FocusAtoms.addFeatureColumns(b, radial.featureNames(), radial.values());
        angular.addColumns(b);
        return b.build();
    }
}
