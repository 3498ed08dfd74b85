package org.glasssoftness.knime.testing;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeModel;

/**
 * Saves and loads a node model's internals as KNIME does when a workflow is saved and opened again. The methods are
 * protected in NodeModel (and declared in the shared base model, another package), so tests reach them this way.
 */
public final class Internals {
    private Internals() {
    }

    public static void save(final NodeModel model, final File dir) throws Exception {
        call("saveInternals", model, dir);
    }

    public static void load(final NodeModel model, final File dir) throws Exception {
        call("loadInternals", model, dir);
    }

    private static void call(final String name, final NodeModel model, final File dir) throws Exception {
        Method m = NodeModel.class.getDeclaredMethod(name, File.class, ExecutionMonitor.class);
        m.setAccessible(true);
        try {
            m.invoke(model, dir, new ExecutionMonitor());
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ? (Exception)e.getCause() : e;
        }
    }
}
