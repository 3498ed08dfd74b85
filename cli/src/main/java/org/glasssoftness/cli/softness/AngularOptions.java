package org.glasssoftness.cli.softness;

import java.util.List;
import org.glasssoftness.cli.CommaLists;
import org.glasssoftness.core.softness.AngularDefinition;
import picocli.CommandLine.Option;

/**
 * The angular-feature options of radial-features and compare-features (picocli {@code @Mixin}); the names equal the
 * Radial Features node's settings keys.
 */
final class AngularOptions {
    @Option(names = "--angular", description = "also compute the angular features Psi_XY(i; xi, lambda, zeta) (default off)") boolean angular;
    @Option(names = "--angular-neighbours", defaultValue = "", description = "neighbour species of the angular features (default: the radial --neighbours)") String neighbours;
    @Option(names = "--angular-rc", defaultValue = AngularDefinition.DEFAULT_CUTOFF_TEXT, description = "cutoff R_c of the angular features in Å (default ${DEFAULT-VALUE})") double rc;
    @Option(names = "--angular-xi", defaultValue = AngularDefinition.DEFAULT_XI_TEXT, description = "xi values in Å (default ${DEFAULT-VALUE})") String xi;
    @Option(names = "--angular-zeta", defaultValue = AngularDefinition.DEFAULT_ZETA_TEXT, description = "zeta values; lambda is always -1 and +1 (default ${DEFAULT-VALUE})") String zeta;

    /** The definition for this focus; {@code radialNeighbours} when no angular neighbours are given. */
    AngularDefinition definition(String focus, List<String> radialNeighbours) {
        return AngularDefinition.of(focus, CommaLists.of(neighbours), radialNeighbours, rc, xi, "--angular-xi", zeta,
                "--angular-zeta");
    }

    /** The definition when --angular is given, else null. */
    AngularDefinition definitionIfOn(String focus, List<String> radialNeighbours) {
        return angular ? definition(focus, radialNeighbours) : null;
    }
}
