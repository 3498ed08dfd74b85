package org.glasssoftness.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.glasssoftness.core.table.ResultTable;
import org.junit.jupiter.api.Test;

class StudyComparisonTest {
    private static ResultTable summary(Map<String, Double> m) {
        double[] v = m.values().stream().mapToDouble(Double::doubleValue).toArray();
        return ResultTable.builder("summary").strings("quantity", m.keySet().toArray(new String[0])).doubles("value", v).build();
    }

    private static Map<String, Double> paperLike() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("b_test_accuracy", 0.80);
        m.put("b_test_balanced_accuracy", 0.7);
        m.put("li_test_accuracy", 0.69);
        m.put("li_test_balanced_accuracy", 0.6);
        m.put("b_softness_modes", 2.0);
        m.put("b_softness_mode_low", -0.5);
        m.put("b_softness_mode_high", 0.8);
        m.put("b3_median_softness", -0.4);
        m.put("b4_median_softness", 0.6);
        m.put("li_mean_softness_slope_per_B2O3_mol_pct", 0.01);
        m.put("b_switched_fraction_slope_per_Li2O_mol_pct", -0.002);
        return m;
    }

    @Test
    void numbersLikeThePapersAgreeEverywhere() {
        List<StudyComparison.Row> rows = StudyComparison.compare(summary(paperLike()));
        assertEquals(5, rows.size());
        for (StudyComparison.Row r : rows) assertTrue(r.agrees(), r.toString());
        assertEquals("0.800 (balanced 0.700)", rows.get(0).ours());
        assertEquals(0.69, rows.get(1).value());
        assertEquals("2 modes, lowest -0.50, highest 0.80; median S of [3]B -0.40, of [4]B 0.60", rows.get(2).ours());
    }

    @Test
    void eachCriterionFailsJustOutsideItsBound() {
        Map<String, Double> m = paperLike();
        m.put("b_test_accuracy", 0.77 + 0.0501);     // tolerance 0.05
        m.put("li_test_accuracy", 0.73 - 0.0501);
        m.put("b_softness_mode_high", 0.6 + 0.31);    // tolerance 0.3
        m.put("li_mean_softness_slope_per_B2O3_mol_pct", 0.0);
        m.put("b_switched_fraction_slope_per_Li2O_mol_pct", 1e-9);
        for (StudyComparison.Row r : StudyComparison.compare(summary(m))) assertTrue(!r.agrees(), r.toString());
        m = paperLike();
        m.put("b_softness_modes", 1.0);
        m.put("b_softness_mode_low", -0.4);
        m.put("b_softness_mode_high", -0.4);
        StudyComparison.Row bimodal = StudyComparison.compare(summary(m)).get(2);
        assertTrue(!bimodal.agrees() && bimodal.ours().startsWith("unimodal, mode at -0.40"), bimodal.ours());
        m.remove("li_test_accuracy");
        ResultTable incomplete = summary(m);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StudyComparison.compare(incomplete));
        assertTrue(e.getMessage().contains("li_test_accuracy"));
    }
}
