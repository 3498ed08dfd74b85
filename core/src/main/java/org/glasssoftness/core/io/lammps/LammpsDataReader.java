package org.glasssoftness.core.io.lammps;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.glasssoftness.core.io.TrajectoryFormatException;
import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Elements;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.TypeMap;

/**
 * Reads a LAMMPS data file (as {@code write_data} writes it) into one frame: header counts and box (with the
 * {@code xy xz yz} tilt line), {@code Masses}, {@code Atoms} in the {@code atomic} or {@code charge} style (from the
 * section's {@code # style} comment, else from the column count; optional image flags), and {@code Velocities}.
 * Charges become the property "q". Other sections (coefficients, bonds, ...) are skipped.
 *
 * <p>Species: the type map; else, per type, the element whose standard mass is within 0.01 g/mol of the Masses entry
 * (when exactly one is); else named by type. Atoms are sorted by id.
 */
public final class LammpsDataReader {
    private LammpsDataReader() { }

    public static Frame read(Path file, TypeMap typeMap) throws IOException {
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            lines = r.lines().toList();
        }
        if (lines.isEmpty()) throw new TrajectoryFormatException(file, -1, -1, "empty file: expected a LAMMPS data file");
        long natoms = -1;
        double[] lo = new double[3], hi = new double[3];
        boolean[] haveBounds = new boolean[3];
        double xy = 0, xz = 0, yz = 0;
        int i = 1;   // line 1 is a comment
        String section = null;
        for (; i < lines.size(); i++) {
            String l = strip(lines.get(i));
            if (l.isEmpty()) continue;
            String[] t = l.split("\\s+");
            if (l.endsWith(" atoms")) {
                natoms = parseLong(t[0], file, i, "atom count");
            } else if (t.length == 4 && t[2].equals("xlo") || t.length == 4 && t[2].equals("ylo")
                    || t.length == 4 && t[2].equals("zlo")) {
                int d = t[2].charAt(0) - 'x';
                lo[d] = parseDouble(t[0], file, i);
                hi[d] = parseDouble(t[1], file, i);
                haveBounds[d] = true;
            } else if (t.length == 6 && t[3].equals("xy")) {
                xy = parseDouble(t[0], file, i);
                xz = parseDouble(t[1], file, i);
                yz = parseDouble(t[2], file, i);
            } else if (Character.isLetter(l.charAt(0))) {
                section = l;
                break;
            }
            // other header lines (atom types, bonds, ...) carry nothing this reader needs
        }
        if (natoms < 0) throw new TrajectoryFormatException(file, -1, -1, "no 'N atoms' line in the header");
        for (int d = 0; d < 3; d++) {
            if (!haveBounds[d]) {
                throw new TrajectoryFormatException(file, -1, -1, "no '" + "xyz".charAt(d) + "lo " + "xyz".charAt(d)
                        + "hi' line in the header");
            }
        }
        int n = Math.toIntExact(natoms);
        Box box;
        try {
            box = new Box(lo[0], lo[1], lo[2], hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2], xy, xz, yz, true, true, true);
        } catch (IllegalArgumentException e) {
            throw new TrajectoryFormatException(file, -1, -1, e.getMessage());
        }
        Map<Integer, Double> masses = new TreeMap<>();
        long[] ids = null;
        int[] types = null;
        double[] pos = null, q = null, vel = null;
        int[] img = null;
        Map<Long, Integer> rowOfId = null;
        while (section != null && i < lines.size()) {
            String name = section.split("#")[0].trim();
            String style = section.contains("#") ? section.substring(section.indexOf('#') + 1).trim() : "";
            int headerLine = i;
            i++;
            while (i < lines.size() && strip(lines.get(i)).isEmpty()) i++;
            int start = i;
            while (i < lines.size() && (strip(lines.get(i)).isEmpty() || !Character.isLetter(strip(lines.get(i)).charAt(0)))) i++;
            List<String[]> rows = new ArrayList<>();
            List<Integer> rowLines = new ArrayList<>();
            for (int k = start; k < i; k++) {
                String l = strip(lines.get(k));
                if (!l.isEmpty()) {
                    rows.add(l.split("\\s+"));
                    rowLines.add(k);
                }
            }
            switch (name) {
                case "Masses" -> {
                    for (int k = 0; k < rows.size(); k++) {
                        masses.put((int) parseLong(rows.get(k)[0], file, rowLines.get(k), "type"),
                                parseDouble(rows.get(k)[1], file, rowLines.get(k)));
                    }
                }
                case "Atoms" -> {
                    if (rows.size() != n) {
                        throw new TrajectoryFormatException(file, headerLine + 1, -1, "Atoms section has " + rows.size()
                                + " lines, the header says " + n + " atoms");
                    }
                    int nc = rows.isEmpty() ? 5 : rows.get(0).length;
                    boolean charge;
                    if (style.equals("charge")) charge = true;
                    else if (style.equals("atomic")) charge = false;
                    else if (style.isEmpty() && (nc == 5 || nc == 8)) charge = false;
                    else if (style.isEmpty() && (nc == 6 || nc == 9)) charge = true;
                    else {
                        throw new TrajectoryFormatException(file, headerLine + 1, -1, "atom style '" + (style.isEmpty()
                                ? nc + " columns" : style) + "' is not supported; expected atomic or charge");
                    }
                    int base = charge ? 6 : 5;
                    ids = new long[n];
                    types = new int[n];
                    pos = new double[3 * n];
                    q = charge ? new double[n] : null;
                    boolean images = nc == base + 3;
                    img = images ? new int[3 * n] : null;
                    for (int k = 0; k < n; k++) {
                        String[] t = rows.get(k);
                        int ln = rowLines.get(k);
                        if (t.length != nc) {
                            throw new TrajectoryFormatException(file, ln + 1, -1, "expected " + nc + " columns in Atoms, found "
                                    + t.length);
                        }
                        ids[k] = parseLong(t[0], file, ln, "atom id");
                        types[k] = (int) parseLong(t[1], file, ln, "atom type");
                        if (charge) q[k] = parseDouble(t[2], file, ln);
                        for (int d = 0; d < 3; d++) pos[3 * k + d] = parseDouble(t[base - 3 + d], file, ln);
                        if (images) for (int d = 0; d < 3; d++) img[3 * k + d] = (int) parseLong(t[base + d], file, ln, "image flag");
                    }
                    rowOfId = new HashMap<>();
                    for (int k = 0; k < n; k++) {
                        if (rowOfId.put(ids[k], k) != null) {
                            throw new TrajectoryFormatException(file, rowLines.get(k) + 1, -1, "atom id " + ids[k] + " is duplicated");
                        }
                    }
                }
                case "Velocities" -> {
                    if (rowOfId == null) throw new TrajectoryFormatException(file, headerLine + 1, -1, "Velocities before Atoms");
                    vel = new double[3 * n];
                    for (int k = 0; k < rows.size(); k++) {
                        String[] t = rows.get(k);
                        int ln = rowLines.get(k);
                        Integer row = rowOfId.get(parseLong(t[0], file, ln, "atom id"));
                        if (row == null || t.length < 4) {
                            throw new TrajectoryFormatException(file, ln + 1, -1, "expected 'id vx vy vz' of a known atom");
                        }
                        for (int d = 0; d < 3; d++) vel[3 * row + d] = parseDouble(t[1 + d], file, ln);
                    }
                }
                default -> { }
            }
            section = i < lines.size() ? strip(lines.get(i)) : null;
        }
        if (ids == null) throw new TrajectoryFormatException(file, -1, -1, "no Atoms section");
        // species
        TreeMap<Integer, String> symbolOfType = new TreeMap<>();
        for (int t : types) {
            if (symbolOfType.containsKey(t)) continue;
            String s = typeMap.symbol(t);
            if (s == null && !typeMap.isEmpty()) {
                throw new TrajectoryFormatException(file, -1, -1, "type " + t + " is not named by the type map '" + typeMap + "'");
            }
            if (s == null) s = elementOfMass(masses.get(t));
            symbolOfType.put(t, s != null ? s : Integer.toString(t));
        }
        List<String> names = new ArrayList<>();
        for (String s : symbolOfType.values()) if (!names.contains(s)) names.add(s);
        // sort by id
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) order[k] = k;
        final long[] idsF = ids;
        Arrays.sort(order, (a, b) -> Long.compare(idsF[a], idsF[b]));
        long[] sIds = new long[n];
        int[] sTypes = new int[n], sSpecies = new int[n];
        double[] sPos = new double[3 * n];
        double[] sQ = q != null ? new double[n] : null, sVel = vel != null ? new double[3 * n] : null;
        int[] sImg = img != null ? new int[3 * n] : null;
        for (int k = 0; k < n; k++) {
            int o = order[k];
            sIds[k] = ids[o];
            sTypes[k] = types[o];
            sSpecies[k] = names.indexOf(symbolOfType.get(types[o]));
            System.arraycopy(pos, 3 * o, sPos, 3 * k, 3);
            if (sQ != null) sQ[k] = q[o];
            if (sVel != null) System.arraycopy(vel, 3 * o, sVel, 3 * k, 3);
            if (sImg != null) System.arraycopy(img, 3 * o, sImg, 3 * k, 3);
        }
        Map<String, double[]> props = new LinkedHashMap<>();
        if (sQ != null) props.put("q", sQ);
        return new Frame(0, box, sIds, sTypes, names, sSpecies, sPos, false, sImg, sVel, props);
    }

    /** The element whose standard mass is within 0.01 g/mol of m, if exactly one; else null. */
    static String elementOfMass(Double m) {
        if (m == null) return null;
        String found = null;
        for (Elements.Element e : Elements.all().values()) {
            if (Math.abs(e.massGPerMol() - m) < 0.01) {
                if (found != null) return null;
                found = e.symbol();
            }
        }
        return found;
    }

    private static String strip(String l) {
        return l.trim();
    }

    private static long parseLong(String s, Path file, int line, String what) throws TrajectoryFormatException {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new TrajectoryFormatException(file, line + 1, -1, "expected an integer " + what + ", found '" + s + "'");
        }
    }

    private static double parseDouble(String s, Path file, int line) throws TrajectoryFormatException {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new TrajectoryFormatException(file, line + 1, -1, "expected a number, found '" + s + "'");
        }
    }
}
