package org.glasssoftness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glasssoftness.core.sample.SampleTrajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructureCommandsTest {

    private static List<String> column(Path csv, String name) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        int c = List.of(lines.get(0).split(",")).indexOf(name);
        assertTrue(c >= 0, "no column " + name + " in " + csv);
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",")[c]).toList();
    }

    @Test
    void rdfWritesTablesOfTheSampleGlass(@TempDir Path out) throws Exception {
        String input = SampleTrajectory.file().toString();
        int rc = GlassSoftnessCli.commandLine().execute("rdf", "--input", input, "--type-map", SampleTrajectory.TYPE_MAP,
                "--first-frame", "2", "--stride", "3", "--r-max", "8", "--dr", "0.05", "--q-min", "0.5", "--q-max", "10",
                "--dq", "0.5", "--no-lorch", "--out", out.toString());
        assertEquals(0, rc);
        List<String> r = column(out.resolve("rdf.csv"), "r_A");
        assertEquals(160, r.size());
        assertEquals(0.025, Double.parseDouble(r.get(0)), 1e-12);
        // every B has O neighbours between 1.2 and 2.0 Å: the running B-O coordination is 3..4 there
        List<String> rr = column(out.resolve("rdf_running_cn.csv"), "r_A");
        List<String> nBO = column(out.resolve("rdf_running_cn.csv"), "n_B-O");
        double cn = Double.parseDouble(nBO.get(rr.indexOf("2.0")));
        assertTrue(cn > 3 && cn < 4, "n_B-O(2 Å) = " + cn);
        assertEquals(20, column(out.resolve("sq.csv"), "S_neutron").size());
        // suggested B-O cutoff: first minimum of g_B-O, between the B-O peak (~1.4 Å) and 2.6 Å
        List<String> pairs = column(out.resolve("rdf_first_minima.csv"), "pair");
        double bo = Double.parseDouble(column(out.resolve("rdf_first_minima.csv"), "r_first_min_A").get(pairs.indexOf("B-O")));
        assertTrue(bo > 1.6 && bo < 2.6, "B-O first minimum " + bo);
        int bad = GlassSoftnessCli.commandLine().execute("rdf", "--input", input, "--r-max", "9", "--out", out.toString());
        assertNotEquals(0, bad); // 9 Å exceeds half of the 17.3 Å box
    }

    @Test
    void coordinationWritesSummaryWithTheSampleDensity(@TempDir Path out) throws Exception {
        String input = SampleTrajectory.file().toString();
        int rc = GlassSoftnessCli.commandLine().execute("coordination", "--input", input, "--type-map",
                SampleTrajectory.TYPE_MAP, "--last-frame", "1", "--composition", "Li2O=40,B2O3=30,P2O5=30",
                "--out", out.toString());
        assertEquals(0, rc);
        List<String> q = column(out.resolve("structure_summary.csv"), "quantity");
        List<String> v = column(out.resolve("structure_summary.csv"), "value");
        // the sample was packed at 2.40 g/cm^3 (box edge 17.346 Å for 7542.3 g/mol per 100 oxide units)
        assertEquals(2.40, Double.parseDouble(v.get(q.indexOf("mass_density"))), 1e-3);
        assertEquals(2 * 480, column(out.resolve("coordination_atoms.csv"), "cn").size());
        assertTrue(q.contains("fraction_[4]B") && q.contains("mean_angle_O-P-O"));
    }
}
