package org.glasssoftness.core.softness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the radial structure features of a softness model are: the focus species (whose atoms get features), the
 * neighbour species (one block of features each, in this order), the grid spacing dr (Å), the cutoff R_c (Å) and the
 * Gaussian width L (Å). The grid is r_k = k dr for k = 1 .. round(R_c / dr), so there are
 * {@code neighbourSpecies.size() * gridSize()} features, named {@code G_<focus>-<X>_<r with 2 decimals>}.
 *
 * <p>{@link #ANY} as focus species means every atom.
 */
public record FeatureDefinition(String focusSpecies, List<String> neighbourSpecies, double dr, double cutoff,
                                double width) {
    /** Focus species meaning "every atom". */
    public static final String ANY = "any";
    /** Paper defaults (Methods 4.6): dr = 0.2 Å, R_c = 10 Å, L = dr. */
    public static final double DEFAULT_DR = 0.2;
    public static final double DEFAULT_CUTOFF = 10.0;

    public FeatureDefinition {
        Objects.requireNonNull(focusSpecies, "focusSpecies");
        if (focusSpecies.isBlank()) throw new IllegalArgumentException("focus species is empty");
        neighbourSpecies = List.copyOf(neighbourSpecies);
        if (neighbourSpecies.isEmpty()) throw new IllegalArgumentException("at least one neighbour species is needed");
        if (neighbourSpecies.stream().distinct().count() != neighbourSpecies.size()) {
            throw new IllegalArgumentException("neighbour species repeat: " + neighbourSpecies);
        }
        if (!(dr > 0) || !Double.isFinite(dr)) throw new IllegalArgumentException("dr must be > 0, got " + dr);
        if (!(cutoff >= dr) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("R_c must be finite and >= dr, got R_c=" + cutoff + " dr=" + dr);
        }
        if (!(width > 0) || !Double.isFinite(width)) throw new IllegalArgumentException("L must be > 0, got " + width);
        double k = cutoff / dr;
        if (Math.abs(k - Math.rint(k)) > 1e-6 * k) {
            throw new IllegalArgumentException("R_c / dr must be a whole number, got " + cutoff + " / " + dr);
        }
    }

    /** Defaults of the study for this focus and these neighbours: dr = 0.2 Å, R_c = 10 Å, L = dr. */
    public static FeatureDefinition defaults(String focus, List<String> neighbours) {
        return new FeatureDefinition(focus, neighbours, DEFAULT_DR, DEFAULT_CUTOFF, DEFAULT_DR);
    }

    /** Number of grid points per neighbour species. */
    public int gridSize() { return (int) Math.rint(cutoff / dr); }

    /** Grid radius r_k (Å), k = 0 .. gridSize()-1 meaning r = (k+1) dr. */
    public double radius(int k) { return (k + 1) * dr; }

    public int featureCount() { return neighbourSpecies.size() * gridSize(); }

    /** True when the focus is every atom. */
    public boolean focusIsAny() { return ANY.equalsIgnoreCase(focusSpecies); }

    /** Feature names in model order: neighbour species block by block, r ascending. */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>(featureCount());
        for (String x : neighbourSpecies) {
            for (int k = 0; k < gridSize(); k++) names.add(featureName(x, k));
        }
        return names;
    }

    public String featureName(String neighbour, int k) {
        return "G_" + focusSpecies + "-" + neighbour + "_" + String.format(Locale.ROOT, "%.2f", radius(k));
    }

    /** One line that identifies the definition (used in model files and error messages). */
    public String describe() {
        return "focus=" + focusSpecies + " neighbours=" + String.join(",", neighbourSpecies) + " dr=" + dr
                + " Rc=" + cutoff + " L=" + width;
    }
}
