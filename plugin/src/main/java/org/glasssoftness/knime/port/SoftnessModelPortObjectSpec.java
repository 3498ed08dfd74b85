package org.glasssoftness.knime.port;

import java.util.Arrays;
import java.util.List;

import javax.swing.JComponent;
import javax.swing.JTextArea;

import org.glasssoftness.core.softness.FeatureDefinition;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/** What downstream nodes know about a softness model before it exists: its feature definition. */
public final class SoftnessModelPortObjectSpec extends AbstractSimplePortObjectSpec {
    private static final String CFG_FOCUS = "focus";

    private static final String CFG_NEIGHBOURS = "neighbours";

    private static final String CFG_DR = "dr";

    private static final String CFG_CUTOFF = "cutoff";

    private static final String CFG_WIDTH = "width";

    /** Serializer registered at extension point org.knime.core.PortType (plugin.xml). */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<SoftnessModelPortObjectSpec> {
    }

    private FeatureDefinition m_definition;

    /** For KNIME's serializer only (it instantiates the spec and then calls load). */
    public SoftnessModelPortObjectSpec() {
        m_definition = FeatureDefinition.defaults("B", List.of("O"));
    }

    public SoftnessModelPortObjectSpec(final FeatureDefinition definition) {
        m_definition = definition;
    }

    /** The feature definition the model expects. */
    public FeatureDefinition definition() {
        return m_definition;
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addString(CFG_FOCUS, m_definition.focusSpecies());
        model.addStringArray(CFG_NEIGHBOURS, m_definition.neighbourSpecies().toArray(new String[0]));
        model.addDouble(CFG_DR, m_definition.dr());
        model.addDouble(CFG_CUTOFF, m_definition.cutoff());
        model.addDouble(CFG_WIDTH, m_definition.width());
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        try {
            m_definition = new FeatureDefinition(model.getString(CFG_FOCUS),
                Arrays.asList(model.getStringArray(CFG_NEIGHBOURS)), model.getDouble(CFG_DR),
                model.getDouble(CFG_CUTOFF), model.getDouble(CFG_WIDTH));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("softness model spec: " + e.getMessage(), e);
        }
    }

    @Override
    public JComponent[] getViews() {
        JTextArea text = new JTextArea("Softness model features: " + m_definition.describe());
        text.setEditable(false);
        text.setName("Softness model");
        return new JComponent[]{text};
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof SoftnessModelPortObjectSpec
            && ((SoftnessModelPortObjectSpec)o).m_definition.equals(m_definition);
    }

    @Override
    public int hashCode() {
        return m_definition.hashCode();
    }

    @Override
    public String toString() {
        return m_definition.describe();
    }
}
