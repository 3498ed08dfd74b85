package org.glasssoftness.knime.port;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;
import javax.swing.JTextArea;

import org.glasssoftness.core.softness.SoftnessModel;
import org.glasssoftness.core.softness.LogisticTrainer;
import org.glasssoftness.core.softness.SoftnessModelFormat;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * A trained softness classifier flowing from Train LR to Apply Softness. Saved with the workflow as the engine's
 * versioned text model file (zip entry {@value #ENTRY}), so a loaded model is bit-identical.
 */
public final class SoftnessModelPortObject implements PortObject {
    /** The port type, registered at extension point org.knime.core.PortType (plugin.xml). */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(SoftnessModelPortObject.class);

    /** Zip entry holding the model file. */
    static final String ENTRY = "softness.model";

    private final SoftnessModel m_model;

    public SoftnessModelPortObject(final SoftnessModel model) {
        m_model = model;
    }

    /** The engine model. */
    public SoftnessModel model() {
        return m_model;
    }

    @Override
    public String getSummary() {
        return m_model.toString();
    }

    @Override
    public SoftnessModelPortObjectSpec getSpec() {
        return new SoftnessModelPortObjectSpec(m_model.definition());
    }

    @Override
    public JComponent[] getViews() {
        StringBuilder sb = new StringBuilder(m_model.toString()).append('\n');
        sb.append("bias: ").append(m_model.bias()).append('\n');
        for (Map.Entry<String, String> e : m_model.provenance().entrySet()) {
            if (LogisticTrainer.TRIBUO_PROVENANCE_KEY.equals(e.getKey())) {
                continue; // an encoded blob: shown below in Tribuo's readable form
            }
            sb.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        String tribuo = LogisticTrainer.tribuoProvenanceText(m_model);
        if (tribuo != null) {
            sb.append("\nTribuo provenance:\n").append(tribuo).append('\n');
        }
        JTextArea text = new JTextArea(sb.toString());
        text.setEditable(false);
        text.setName("Softness model");
        return new JComponent[]{text};
    }

    /** Serializer registered at extension point org.knime.core.PortType (plugin.xml). */
    public static final class Serializer extends PortObjectSerializer<SoftnessModelPortObject> {
        @Override
        public void savePortObject(final SoftnessModelPortObject portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            out.putNextEntry(new ZipEntry(ENTRY));
            SoftnessModelFormat.write(out, portObject.m_model);
            out.closeEntry();
        }

        @Override
        public SoftnessModelPortObject loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            ZipEntry entry = in.getNextEntry();
            if (entry == null || !ENTRY.equals(entry.getName())) {
                throw new IOException("Saved softness model port: expected zip entry " + ENTRY + ", found "
                    + (entry == null ? "nothing" : entry.getName()));
            }
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return new SoftnessModelPortObject(
                SoftnessModelFormat.read(new ByteArrayInputStream(buf.toByteArray()), "saved softness model port"));
        }
    }
}
