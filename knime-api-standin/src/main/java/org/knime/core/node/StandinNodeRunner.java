package org.knime.core.node;

import java.awt.Component;
import java.util.List;

import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * NOT PART OF KNIME. Test driver of the stand-in: does for one node what KNIME's Node and WorkflowManager do
 * (apply settings, configure, execute with an ExecutionContext, check the outputs against the declared port types),
 * and reaches the protected methods of factories, models, dialogs and views. Plugin main code must never use it.
 */
public final class StandinNodeRunner {
    private StandinNodeRunner() {
    }

    /** A fresh execution context reporting to {@code monitor}. */
    public static ExecutionContext createExecutionContext(final NodeProgressMonitor monitor) {
        return new ExecutionContext(monitor);
    }

    /** Validates then loads model settings, as KNIME does when a workflow is loaded or a dialog is applied. */
    public static void loadSettings(final NodeModel model, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        model.validateSettings(settings);
        model.loadValidatedSettingsFrom(settings);
    }

    public static void validateSettings(final NodeModel model, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        model.validateSettings(settings);
    }

    /** The model's settings as KNIME stores them under "model" in settings.xml. */
    public static NodeSettings saveSettings(final NodeModel model) {
        NodeSettings s = new NodeSettings("model");
        model.saveSettingsTo(s);
        return s;
    }

    public static PortType[] inPortTypes(final NodeModel model) {
        PortType[] t = new PortType[model.getNrInPorts()];
        for (int i = 0; i < t.length; i++) {
            t[i] = model.getInPortType(i);
        }
        return t;
    }

    public static PortType[] outPortTypes(final NodeModel model) {
        PortType[] t = new PortType[model.getNrOutPorts()];
        for (int i = 0; i < t.length; i++) {
            t[i] = model.getOutPortType(i);
        }
        return t;
    }

    /** Configures the node; checks count and types of the output specs (null means "not known yet"). */
    public static PortObjectSpec[] configure(final NodeModel model, final PortObjectSpec... inSpecs)
        throws InvalidSettingsException {
        checkInputs(model, inSpecs.length);
        PortObjectSpec[] out = model.configure(inSpecs);
        if (out == null || out.length != model.getNrOutPorts()) {
            throw new IllegalStateException("configure returned " + (out == null ? "null" : out.length + " specs")
                + ", expected " + model.getNrOutPorts());
        }
        for (int i = 0; i < out.length; i++) {
            if (!model.getOutPortType(i).acceptsPortObjectSpec(out[i])) {
                throw new IllegalStateException("configure: spec at output " + i + " is a "
                    + out[i].getClass().getName() + ", port type " + model.getOutPortType(i) + " expects "
                    + model.getOutPortType(i).getPortObjectSpecClass().getName());
            }
        }
        return out;
    }

    /** Executes the node; checks that every output is non-null and fits its port type, as KNIME does. */
    public static PortObject[] execute(final NodeModel model, final NodeProgressMonitor monitor,
        final PortObject... inObjects) throws Exception {
        checkInputs(model, inObjects.length);
        for (int i = 0; i < inObjects.length; i++) {
            if (inObjects[i] == null && !model.getInPortType(i).isOptional()) {
                throw new IllegalArgumentException("input " + i + " is missing");
            }
        }
        PortObject[] out = model.execute(inObjects, createExecutionContext(monitor));
        if (out == null || out.length != model.getNrOutPorts()) {
            throw new IllegalStateException("execute returned " + (out == null ? "null" : out.length + " objects")
                + ", expected " + model.getNrOutPorts());
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                throw new IllegalStateException("execute returned null at output " + i);
            }
            if (!model.getOutPortType(i).acceptsPortObject(out[i])) {
                throw new IllegalStateException("execute: output " + i + " is a " + out[i].getClass().getName()
                    + ", port type " + model.getOutPortType(i) + " expects "
                    + model.getOutPortType(i).getPortObjectClass().getName());
            }
            if (!model.getOutPortType(i).acceptsPortObjectSpec(out[i].getSpec())) {
                throw new IllegalStateException("execute: output " + i + " has a spec of the wrong class");
            }
        }
        return out;
    }

    private static void checkInputs(final NodeModel model, final int n) {
        if (n != model.getNrInPorts()) {
            throw new IllegalArgumentException(n + " inputs given, the node has " + model.getNrInPorts());
        }
    }

    public static void reset(final NodeModel model) {
        model.reset();
    }

    /** The flow variables the model pushed (pushFlowVariableString), by name. */
    public static java.util.Map<String, Object> pushedFlowVariables(final NodeModel model) {
        return model.pushedFlowVariables();
    }

    public static String warningMessage(final NodeModel model) {
        return model.getWarningMessage();
    }

    public static int nrViews(final NodeFactory<?> factory) {
        return factory.getNrNodeViews();
    }

    @SuppressWarnings("removal")
    public static boolean hasDialog(final NodeFactory<?> factory) {
        return factory.hasDialog();
    }

    @SuppressWarnings("removal")
    public static NodeDialogPane createDialog(final NodeFactory<?> factory) {
        return factory.createNodeDialogPane();
    }

    /** Loads settings into a dialog as KNIME does when it opens. */
    public static void loadDialog(final NodeDialogPane dialog, final NodeSettingsRO settings,
        final PortObjectSpec... specs) throws NotConfigurableException {
        dialog.loadSettingsFrom(settings, specs);
    }

    /** Saves a dialog's settings as KNIME does on OK/Apply. */
    public static NodeSettings saveDialog(final NodeDialogPane dialog) throws InvalidSettingsException {
        NodeSettings s = new NodeSettings("model");
        dialog.saveSettingsTo(s);
        return s;
    }

    public static List<FlowVariableModel> flowVariableModels(final NodeDialogPane dialog) {
        return dialog.flowVariableModels();
    }

    /** Creates view i, opens it and tells it the model changed; returns its component. */
    @SuppressWarnings({"removal", "unchecked", "rawtypes"})
    public static Component openView(final NodeFactory factory, final int index, final NodeModel model) {
        NodeView view = factory.createNodeView(index, model);
        view.onOpen();
        view.modelChanged();
        Component c = view.getComponent();
        view.onClose();
        return c;
    }
}
