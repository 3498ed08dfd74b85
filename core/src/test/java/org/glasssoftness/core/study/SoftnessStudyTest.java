package org.glasssoftness.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.glasssoftness.core.progress.CancelledException;
import org.glasssoftness.core.progress.Progress;
import org.glasssoftness.core.table.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftnessStudyTest {
    @Test
    void cancelDuringTheFirstQuenchStopsWithoutMarkingTheGlassComplete(@TempDir Path dir) {
        SoftnessStudy.Settings s = SoftnessStudy.Settings.of(StudyScale.TINY).withThreads(1);
        Progress cancelInQuench = new Progress() {
            boolean cancel;

            @Override
            public void report(double fraction, String message) {
                if (message.contains("melt-quench")) cancel = true;
            }

            @Override
            public boolean isCanceled() { return cancel; }
        };
        assertThrows(CancelledException.class, () -> new SoftnessStudy(s).run(dir, cancelInQuench, null));
        Path first = dir.resolve(StudyGlass.all().get(0).name());
        assertFalse(Files.exists(first.resolve(SoftnessStudy.GLASS_MARKER)));
        assertFalse(SoftnessStudy.isComplete(first));
        assertFalse(Files.exists(dir.resolve(StudyGlass.all().get(1).name())), "stopped before the second glass");
    }

    @Test
    void settingsTableStatesTheProtocol() {
        SoftnessStudy.Settings s = SoftnessStudy.Settings.of(StudyScale.SMALL);
        ResultTable t = s.table();
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < t.rowCount(); i++) m.put(t.column("setting").strings()[i], t.column("value").strings()[i]);
        // small: melt 500 + quench 1000 + relax 300 steps of 1 fs = 1.8 ps; cooling 2700 K in 1 ps = 2700 K/ps
        assertEquals("1.8", m.get("quench_ps"));
        assertEquals("2700", m.get("quench_rate_K_per_ps"));
        assertEquals("0.5", m.get("nvt_ps"));
        // 500 steps at 0.5/ps = 0.25 engineering strain
        assertEquals("0.25", m.get("tension_final_strain"));
        assertEquals("top:0.3", m.get("li_label"));
        assertEquals(2800, s.mdSteps());
        SoftnessStudy.Settings full = SoftnessStudy.Settings.of(StudyScale.FULL);
        Map<String, String> f = new java.util.HashMap<>();
        ResultTable ft = full.table();
        for (int i = 0; i < ft.rowCount(); i++) f.put(ft.column("setting").strings()[i], ft.column("value").strings()[i]);
        assertEquals("1", f.get("quench_rate_K_per_ps"), "the paper's 1 K/ps");
        assertEquals("1000", f.get("nvt_ps"), "1 ns");
        assertEquals("1", f.get("tension_final_strain"));
        assertEquals("threshold:360.0", f.get("li_label"));
        assertEquals("2", f.get("replicate_x"));
    }

    @Test
    void badSettingsNameTheValue() {
        SoftnessStudy.Settings s = SoftnessStudy.Settings.of(StudyScale.TINY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.withStages("melt:nvt:10", s.nvtStages(), 10, s.tensionStages(), 10, 1));
        assertTrue(e.getMessage().contains("melt-quench stages 'melt:nvt:10'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.withAtoms(10));
        assertTrue(e.getMessage().contains("atoms must be >= 50, got 10"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.withFeatures(0.3, 5.0).withTraining(0, null));
        assertTrue(e.getMessage().contains("C must be > 0"), e.getMessage());
        assertEquals("study_settings", s.table().name());
    }
}
