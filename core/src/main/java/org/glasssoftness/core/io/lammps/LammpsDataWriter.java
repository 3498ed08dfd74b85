package org.glasssoftness.core.io.lammps;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.TreeMap;
import org.glasssoftness.core.io.AtomicFiles;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Elements;
import org.glasssoftness.core.model.Frame;

/**
 * Writes one frame as a LAMMPS data file (atomically) that {@code read_data} reads: header with the box and tilts,
 * Masses (standard atomic weights of the species; needs element species), Atoms in style {@code charge} (charges
 * from the property "q") or {@code atomic}, with image flags; positions wrapped into the box, image flags adjusted so
 * the unwrapped positions are unchanged; Velocities when the frame has them. Numbers in shortest round-trip form.
 */
public final class LammpsDataWriter {
    private LammpsDataWriter() { }

    public static void write(Path file, Frame f, boolean withCharges) throws IOException {
        double[] q = f.properties().get("q");
        if (withCharges && q == null) {
            throw new IllegalArgumentException("charge style needs the per-atom property 'q', which the frame lacks");
        }
        int n = f.atomCount();
        int[] types = new int[n];
        TreeMap<Integer, String> speciesOfType = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            types[i] = f.types() != null ? f.types()[i] : f.species()[i] + 1;
            speciesOfType.putIfAbsent(types[i], f.speciesOf(i));
        }
        int ntypes = speciesOfType.lastKey();
        Box b = f.box();
        AtomicFiles.write(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16);
            w.write("LAMMPS data file written by Glass Softness (timestep " + f.timestep() + ")\n\n");
            w.write(n + " atoms\n" + ntypes + " atom types\n\n");
            w.write(b.xlo() + " " + b.xhi() + " xlo xhi\n" + b.ylo() + " " + b.yhi() + " ylo yhi\n" + b.zlo() + " "
                    + b.zhi() + " zlo zhi\n");
            if (b.isTriclinic()) w.write(b.xy() + " " + b.xz() + " " + b.yz() + " xy xz yz\n");
            w.write("\nMasses\n\n");
            for (int t = 1; t <= ntypes; t++) {
                String s = speciesOfType.get(t);
                if (s == null) s = speciesOfType.firstEntry().getValue();   // unused type: any mass will do
                if (!Elements.isKnown(s)) {
                    throw new IllegalArgumentException("species '" + s + "' of type " + t
                            + " is not an element; give a type map so masses are known");
                }
                w.write(t + " " + Elements.mass(s) + "  # " + s + "\n");
            }
            w.write("\nAtoms # " + (withCharges ? "charge" : "atomic") + "\n\n");
            double[] u = new double[3], s = new double[3], r = new double[3];
            int[] img = new int[3];
            for (int i = 0; i < n; i++) {
                f.unwrappedPosition(i, u, 0);
                // wrap into the box: fractional coordinates in [0, 1) along periodic directions
                b.toFractional(u, 0, s, 0);
                for (int d = 0; d < 3; d++) {
                    img[d] = b.periodic(d) ? (int) Math.floor(s[d]) : 0;
                    s[d] -= img[d];
                }
                boolean inside = true;
                if (!f.positionsUnwrapped()) {
                    // keep the stored position exactly when it is already inside the box
                    int[] own = f.images();
                    for (int d = 0; d < 3; d++) inside &= img[d] == (own != null ? own[3 * i + d] : 0);
                } else {
                    inside = false;
                }
                if (inside) {
                    System.arraycopy(f.positions(), 3 * i, r, 0, 3);
                } else {
                    b.toCartesian(s, 0, r, 0);
                }
                StringBuilder line = new StringBuilder();
                line.append(f.ids()[i]).append(' ').append(types[i]);
                if (withCharges) line.append(' ').append(q[i]);
                for (int d = 0; d < 3; d++) line.append(' ').append(r[d]);
                for (int d = 0; d < 3; d++) line.append(' ').append(img[d]);
                w.write(line.append('\n').toString());
            }
            if (f.velocities() != null) {
                w.write("\nVelocities\n\n");
                double[] v = f.velocities();
                for (int i = 0; i < n; i++) {
                    w.write(f.ids()[i] + " " + v[3 * i] + " " + v[3 * i + 1] + " " + v[3 * i + 2] + "\n");
                }
            }
            w.flush();
        });
    }
}
