package org.glasssoftness.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What is known about a trajectory without reading all of it: the species, the atom count, the number of frames and
 * the names of per-atom properties. This is what the KNIME port spec shows.
 *
 * @param speciesNames  species in index order
 * @param speciesCounts atoms of each species (first frame)
 * @param atomCount     atoms per frame
 * @param frameCount    number of frames
 * @param propertyNames per-atom property names beyond position, image, velocity
 * @param hasImages     whether image flags are present
 * @param hasVelocities whether velocities are present
 */
public record TrajectoryInfo(List<String> speciesNames, int[] speciesCounts, int atomCount, int frameCount,
                             List<String> propertyNames, boolean hasImages, boolean hasVelocities) {

    public TrajectoryInfo {
        speciesNames = List.copyOf(speciesNames);
        speciesCounts = speciesCounts.clone();
        propertyNames = List.copyOf(propertyNames);
    }

    /** Info of a trajectory whose frames look like {@code first}. */
    public static TrajectoryInfo of(Frame first, int frameCount) {
        return new TrajectoryInfo(first.speciesNames(), first.speciesCounts(), first.atomCount(), frameCount,
                new ArrayList<>(first.properties().keySet()), first.images() != null, first.velocities() != null);
    }

    /** A one-line description, e.g. "1920 atoms (Li 480, B 360, O 840, P 240), 201 frames, properties: c_pe". */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(atomCount).append(" atoms (");
        for (int i = 0; i < speciesNames.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(speciesNames.get(i)).append(' ').append(speciesCounts[i]);
        }
        sb.append("), ").append(frameCount).append(frameCount == 1 ? " frame" : " frames");
        if (!propertyNames.isEmpty()) sb.append(", properties: ").append(String.join(" ", propertyNames));
        return sb.toString();
    }
}
