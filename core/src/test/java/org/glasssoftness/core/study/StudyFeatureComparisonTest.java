package org.glasssoftness.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.glasssoftness.core.table.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study's angular-feature comparison: glasses per model, dump choice, summary keys and the verdict's three cases. */
class StudyFeatureComparisonTest {

    @Test
    void glassesAreTheModelsTrainingGlassesThenTheTestGlass() {
        assertEquals(List.of("Li30B30P40", "Li35B30P35", "Li45B30P25", "Li50B30P20", "Li40B30P30"),
                StudyFeatureComparison.glasses("Li").stream().map(StudyGlass::name).toList());
        assertEquals(List.of("Li40B20P40", "Li40B25P35", "Li40B35P25", "Li40B40P20", "Li40B30P30"),
                StudyFeatureComparison.glasses("B").stream().map(StudyGlass::name).toList());
        assertEquals("mobile", StudyFeatureComparison.labelColumn("Li"));
        assertEquals("switched", StudyFeatureComparison.labelColumn("B"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StudyFeatureComparison.glasses("P"));
        assertTrue(e.getMessage().contains("species must be Li or B, got 'P'"), e.getMessage());
    }

    @Test
    void bUsesTheTensionDumpWhenThereIsOne(@TempDir Path dir) throws Exception {
        assertEquals(dir.resolve("glass.dump"), StudyFeatureComparison.featureDump(dir, "B"));
        Files.writeString(dir.resolve("tension.dump"), "");
        assertEquals(dir.resolve("tension.dump"), StudyFeatureComparison.featureDump(dir, "B"));
        assertEquals(dir.resolve("glass.dump"), StudyFeatureComparison.featureDump(dir, "Li"));
    }

    @Test
    void summaryHoldsTheRadialAndCombinedRows() {
        String[] model = {"radial", "radial", "radial", "angular", "radial+angular", "radial+angular", "radial+angular"};
        String[] set = {"cv_mean", "cv_std", "test", "test", "cv_mean", "cv_std", "test"};
        double[] acc = {0.61, 0.05, 0.7, 0.9, 0.62, 0.04, 0.71};
        double[] bal = {0.51, 0.06, 0.6, 0.9, 0.52, 0.03, 0.65};
        double[] auc = {0.55, 0.07, 0.58, 0.9, 0.56, 0.02, 0.6};
        ResultTable t = ResultTable.builder("cmp").strings("model", model).strings("set", set).doubles("accuracy", acc)
                .doubles("balanced_accuracy", bal).doubles("roc_auc", auc).build();
        Map<String, Double> m = StudyFeatureComparison.summary("B", t);
        assertEquals(18, m.size());
        assertEquals(0.51, m.get("b_cmp_radial_cv_balanced_accuracy_mean"));
        assertEquals(0.07, m.get("b_cmp_radial_cv_roc_auc_std"));
        assertEquals(0.71, m.get("b_cmp_combined_test_accuracy"));
        assertEquals(0.03, m.get("b_cmp_combined_cv_balanced_accuracy_std"));
        assertTrue(m.keySet().stream().noneMatch(k -> k.contains("angular")), m.toString());
    }

    @Test
    void verdictClaimsAGainOrLossOnlyBeyondTheFoldSpread() {
        // CV +0.05 with spread 0.03, test +0.02: gain
        assertEquals("adding the angular features raises the test balanced accuracy by 0.020 and raises the CV mean by 0.050,"
                        + " beyond the fold spread 0.030: evidence of a gain at this scale",
                StudyFeatureComparison.verdict(0.60, 0.03, 0.70, 0.65, 0.02, 0.72));
        // the example: test +0.04, CV -0.02 within 0.09
        assertEquals("adding the angular features raises the test balanced accuracy by 0.040 and lowers the CV mean by 0.020,"
                        + " within the fold spread 0.090: no evidence of a gain at this scale",
                StudyFeatureComparison.verdict(0.60, 0.09, 0.70, 0.58, 0.05, 0.74));
        // CV -0.1 beyond 0.03 and test lower: loss
        assertTrue(StudyFeatureComparison.verdict(0.70, 0.03, 0.70, 0.60, 0.01, 0.65)
                .endsWith("beyond the fold spread 0.030: the angular features make the model worse at this scale"));
        // CV gain beyond the spread but the test falls: no claim
        assertTrue(StudyFeatureComparison.verdict(0.60, 0.01, 0.70, 0.65, 0.01, 0.69).endsWith("no evidence of a gain at this scale"));
        assertTrue(StudyFeatureComparison.verdict(0.60, 0.01, Double.NaN, 0.65, 0.01, 0.69).endsWith("(a fold or the test set has one class only)"));
    }
}
