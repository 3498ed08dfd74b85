package org.glasssoftness.core.softness;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the angular structure features are (Cubuk et al., PRL 114, 108001 (2015); Schoenholz, Cubuk, Sussman, Kaxiras,
 * Liu, Nat. Phys. 12, 469 (2016)): for each atom i of the focus species, each unordered pair of neighbour species
 * (X, Y) and each (xi, lambda, zeta) of the grids,
 *
 * <pre>
 *   Psi_XY(i; xi, lambda, zeta) = sum over pairs {j, k}, j of species X, k of species Y, j != k, r_ij &lt; R_c, r_ik &lt; R_c,
 *                                 of exp(-(r_ij^2 + r_ik^2 + r_jk^2) / xi^2) (1 + lambda cos theta_jik)^zeta
 * </pre>
 *
 * with theta_jik the angle at i. Each unordered pair of distinct neighbours counts once (for X != Y: j of X, k of Y;
 * for X == Y: j &lt; k), so Psi is half of the papers' sum over ordered pairs j != k when X == Y. Neighbours are the
 * periodic images within R_c, as for {@link RadialFeatures}. There is no smooth cutoff function and no 2^(1-zeta)
 * prefactor (Behler's normalisation); both only rescale features that are standardised before training.
 *
 * <p>Units: R_c and xi in Å, lambda = +1 or -1, zeta &gt; 0 dimensionless; Psi is dimensionless. Feature order: pair
 * (X, Y) with X at or before Y in the neighbour list, then xi, then lambda, then zeta, each in the given order; names
 * {@code Psi_<X>-<Y>_xi<xi>_l<+1|-1>_z<zeta>}, e.g. {@code Psi_O-O_xi2.0_l+1_z1}.
 *
 * <p>{@link FeatureDefinition#ANY} as focus species means every atom.
 */
public record AngularDefinition(String focusSpecies, List<String> neighbourSpecies, double cutoff, List<Double> xis,
                                List<Integer> lambdas, List<Double> zetas) {
    /** Default cutoff R_c (Å) of the angular features. */
    public static final double DEFAULT_CUTOFF = 6.0;
    /** {@link #DEFAULT_CUTOFF} as settings text (a constant, so CLI option annotations can use it). */
    public static final String DEFAULT_CUTOFF_TEXT = "" + DEFAULT_CUTOFF;
    /** Default xi grid (Å) as settings text: from the shortest bond triangles (B-O, P-O ~1.4-1.6 Å) to the Li-O shell. */
    public static final String DEFAULT_XI_TEXT = "1.5,2.0,2.5,3.0";
    /** Default xi grid (Å), {@link #DEFAULT_XI_TEXT}. */
    public static final List<Double> DEFAULT_XIS = numbers(DEFAULT_XI_TEXT, "xi");
    /** Both signs of lambda: the papers' lambda = +1 (small angles) and -1 (angles near 180°). */
    public static final List<Integer> DEFAULT_LAMBDAS = List.of(-1, 1);
    /** Default zeta grid as settings text. */
    public static final String DEFAULT_ZETA_TEXT = "1,2";
    /** Default zeta grid, {@link #DEFAULT_ZETA_TEXT}. */
    public static final List<Double> DEFAULT_ZETAS = numbers(DEFAULT_ZETA_TEXT, "zeta");
    /** Prefix of every angular feature name. */
    public static final String PREFIX = "Psi_";

    public AngularDefinition {
        Objects.requireNonNull(focusSpecies, "focusSpecies");
        if (focusSpecies.isBlank()) throw new IllegalArgumentException("focus species is empty");
        neighbourSpecies = List.copyOf(neighbourSpecies);
        if (neighbourSpecies.isEmpty()) throw new IllegalArgumentException("at least one angular neighbour species is needed");
        if (neighbourSpecies.stream().distinct().count() != neighbourSpecies.size()) {
            throw new IllegalArgumentException("angular neighbour species repeat: " + neighbourSpecies);
        }
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("angular R_c must be > 0 and finite, got " + cutoff);
        }
        xis = List.copyOf(xis);
        lambdas = List.copyOf(lambdas);
        zetas = List.copyOf(zetas);
        if (xis.isEmpty() || lambdas.isEmpty() || zetas.isEmpty()) {
            throw new IllegalArgumentException("angular features need at least one xi, lambda and zeta, got xi=" + xis
                    + " lambda=" + lambdas + " zeta=" + zetas);
        }
        for (double x : xis) {
            if (!(x > 0) || !Double.isFinite(x)) throw new IllegalArgumentException("xi must be > 0 (Å), got " + x);
        }
        for (int l : lambdas) if (l != 1 && l != -1) throw new IllegalArgumentException("lambda must be +1 or -1, got " + l);
        for (double z : zetas) {
            if (!(z > 0) || !Double.isFinite(z)) throw new IllegalArgumentException("zeta must be > 0, got " + z);
        }
        if (xis.stream().distinct().count() != xis.size()) throw new IllegalArgumentException("xi values repeat: " + xis);
        if (lambdas.stream().distinct().count() != lambdas.size()) throw new IllegalArgumentException("lambda values repeat: " + lambdas);
        if (zetas.stream().distinct().count() != zetas.size()) throw new IllegalArgumentException("zeta values repeat: " + zetas);
    }

    /** The default grids (xi 1.5, 2, 2.5, 3 Å; lambda -1, +1; zeta 1, 2) and R_c = 6 Å for this focus and these neighbours. */
    public static AngularDefinition defaults(String focus, List<String> neighbours) {
        return new AngularDefinition(focus, neighbours, DEFAULT_CUTOFF, DEFAULT_XIS, DEFAULT_LAMBDAS, DEFAULT_ZETAS);
    }

    /**
     * The definition from settings text, as the Radial Features node and the CLI give it: lambda -1 and +1, the
     * angular neighbours or, when that list is empty, the radial ones.
     *
     * @param xis   comma-separated xi values (Å); {@code xiName} names them in errors
     * @param zetas comma-separated zeta values; {@code zetaName} names them in errors
     */
    public static AngularDefinition of(String focus, List<String> neighbours, List<String> radialNeighbours, double cutoff,
                                       String xis, String xiName, String zetas, String zetaName) {
        return new AngularDefinition(focus, neighbours.isEmpty() ? radialNeighbours : neighbours, cutoff,
                numbers(xis, xiName), DEFAULT_LAMBDAS, numbers(zetas, zetaName));
    }

    /** Comma-separated numbers (blank entries skipped), or an error naming {@code what} and the text. */
    public static List<Double> numbers(String csv, String what) {
        List<Double> out = new ArrayList<>();
        for (String part : (csv == null ? "" : csv).split(",")) {
            if (part.isBlank()) continue;
            try {
                out.add(Double.valueOf(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " must be comma-separated numbers, got '" + csv + "'");
            }
        }
        return List.copyOf(out);
    }

    /** Number of unordered neighbour species pairs (X, Y), X at or before Y. */
    public int pairCount() {
        int m = neighbourSpecies.size();
        return m * (m + 1) / 2;
    }

    /** Features per species pair: |xi| x |lambda| x |zeta|. */
    public int featuresPerPair() { return xis.size() * lambdas.size() * zetas.size(); }

    public int featureCount() { return pairCount() * featuresPerPair(); }

    /** True when the focus is every atom. */
    public boolean focusIsAny() { return FeatureDefinition.ANY.equalsIgnoreCase(focusSpecies); }

    /** Block index of the pair of neighbour slots (a, b) (either order), blocks numbered (0,0), (0,1), ..., (1,1), .... */
    public int pairIndex(int a, int b) {
        int lo = Math.min(a, b), hi = Math.max(a, b), m = neighbourSpecies.size();
        return lo * m - lo * (lo - 1) / 2 + (hi - lo);
    }

    /** Offset of (xi k, lambda l, zeta z) inside a pair block. */
    public int offset(int k, int l, int z) {
        return (k * lambdas.size() + l) * zetas.size() + z;
    }

    /** Feature names in feature order. */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>(featureCount());
        int m = neighbourSpecies.size();
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                for (double xi : xis) {
                    for (int l : lambdas) {
                        for (double z : zetas) names.add(featureName(neighbourSpecies.get(a), neighbourSpecies.get(b), xi, l, z));
                    }
                }
            }
        }
        return names;
    }

    /** e.g. {@code Psi_O-O_xi2.0_l+1_z1}: xi with at least one decimal, zeta without trailing zeros. */
    public static String featureName(String x, String y, double xi, int lambda, double zeta) {
        return PREFIX + x + "-" + y + "_xi" + plain(xi, 1) + "_l" + (lambda > 0 ? "+1" : "-1") + "_z" + plain(zeta, 0);
    }

    private static String plain(double v, int minScale) {
        BigDecimal b = BigDecimal.valueOf(v).stripTrailingZeros();
        if (b.scale() < minScale) b = b.setScale(minScale);
        return b.toPlainString();
    }

    /** One line that identifies the definition. */
    public String describe() {
        return "focus=" + focusSpecies + " angular-neighbours=" + String.join(",", neighbourSpecies) + " angular-Rc="
                + cutoff + " xi=" + xis + " lambda=" + lambdas + " zeta=" + zetas;
    }
}
