package org.glasssoftness.knime.port;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.glasssoftness.core.model.Box;
import org.glasssoftness.core.model.Frame;
import org.glasssoftness.core.model.Trajectory;
import org.glasssoftness.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortUtil;

class TrajectoryPortObjectTest {
    /** Three frames of three atoms (Li, B, O) with velocities, image flags and a property "softness". */
    static Trajectory sample() {
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Map<String, double[]> props = new LinkedHashMap<>();
            props.put("softness", new double[]{0.5 * k, -1.0, 2.25});
            frames.add(new Frame(10L * k, new Box(0, 0, 0, 9, 10, 11, 1.5, 0, 0, true, true, true),
                new long[]{7, 8, 9}, new int[]{1, 2, 3}, List.of("Li", "B", "O"), new int[]{0, 1, 2},
                new double[]{1 + k, 2, 3, 4, 5 + k, 6, 7, 8, 9 + k}, false, new int[]{0, 0, 0, 1, -1, 0, 0, 0, 2},
                new double[]{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}, props));
        }
        return Trajectory.of(frames);
    }

    @Test
    void portTypeComesFromPluginXml() {
        PortType t = TrajectoryPortObject.TYPE;
        assertEquals("Trajectory", t.getName());
        assertEquals(TrajectoryPortObject.class, t.getPortObjectClass());
        assertEquals(TrajectoryPortObjectSpec.class, t.getPortObjectSpecClass());
        assertEquals(0xff2e8b57, t.getColor());
    }

    @Test
    void summaryAndSpecDescribeTheTrajectory() throws Exception {
        TrajectoryPortObject p = TrajectoryPortObject.create(sample(), Progress.NONE);
        assertEquals("3 atoms (Li 1, B 1, O 1), 3 frames, properties: softness", p.getSummary());
        TrajectoryPortObjectSpec spec = p.getSpec();
        assertEquals(3, spec.info().atomCount());
        assertEquals(3, spec.info().frameCount());
        assertTrue(spec.info().hasImages() && spec.info().hasVelocities());
        assertEquals(1, p.getViews().length);
        assertEquals(1, spec.getViews().length);
    }

    @Test
    void aStoreStreamedIntoANewStoreFileBecomesTheSamePort() throws Exception {
        TrajectoryPortObject made = TrajectoryPortObject.create(sample(), Progress.NONE);
        java.nio.file.Path store = TrajectoryPortObject.newStoreFile();
        org.glasssoftness.core.io.store.FrameStore.Writer w = org.glasssoftness.core.io.store.FrameStore.Writer.open(store);
        try (Trajectory t = sample()) {
            for (int k = 0; k < t.frameCount(); k++) {
                w.append(t.frame(k));
            }
        }
        w.close();
        TrajectoryPortObject streamed = TrajectoryPortObject.fromStore(store);
        assertEquals(made.getSpec(), streamed.getSpec());
        assertEquals(made.getSummary(), streamed.getSummary());
        assertArrayEquals(Files.readAllBytes(made.storeFile()), Files.readAllBytes(streamed.storeFile()));
        streamed.deleteStore();
        made.deleteStore();
        assertTrue(!Files.exists(store));
    }

    @Test
    void savesAndLoadsWithTheWorkflowThroughItsSerializers() throws Exception {
        TrajectoryPortObject p = TrajectoryPortObject.create(sample(), Progress.NONE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PortUtil.writeObjectToStream(p, bytes, new ExecutionMonitor());
        PortObject back = PortUtil.readObjectFromStream(new ByteArrayInputStream(bytes.toByteArray()),
            new ExecutionMonitor());
        TrajectoryPortObject q = (TrajectoryPortObject)back;
        assertNotEquals(p.storeFile(), q.storeFile());
        assertEquals(p.getSpec(), q.getSpec());
        assertEquals(p.getSummary(), q.getSummary());
        assertArrayEquals(Files.readAllBytes(p.storeFile()), Files.readAllBytes(q.storeFile()));
        try (Trajectory a = sample(); Trajectory b = q.openTrajectory()) {
            assertEquals(a.frameCount(), b.frameCount());
            for (int k = 0; k < a.frameCount(); k++) {
                Frame fa = a.frame(k);
                Frame fb = b.frame(k);
                assertEquals(fa.timestep(), fb.timestep());
                assertEquals(fa.box(), fb.box());
                assertArrayEquals(fa.ids(), fb.ids());
                assertArrayEquals(fa.types(), fb.types());
                assertEquals(fa.speciesNames(), fb.speciesNames());
                assertArrayEquals(fa.species(), fb.species());
                assertArrayEquals(fa.positions(), fb.positions());
                assertArrayEquals(fa.images(), fb.images());
                assertArrayEquals(fa.velocities(), fb.velocities());
                assertArrayEquals(fa.properties().get("softness"), fb.properties().get("softness"));
            }
        }
    }

    @Test
    void specSavesAndLoadsOnItsOwn() throws Exception {
        TrajectoryPortObjectSpec spec = TrajectoryPortObject.create(sample(), Progress.NONE).getSpec();
        org.knime.core.node.ModelContent mc = new org.knime.core.node.ModelContent("spec");
        spec.save(mc);
        TrajectoryPortObjectSpec loaded = new TrajectoryPortObjectSpec();
        loaded.load(mc);
        assertEquals(spec, loaded);
        assertEquals(spec.summary(), loaded.summary());
    }
}
