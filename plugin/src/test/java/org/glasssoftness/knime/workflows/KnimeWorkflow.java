package org.glasssoftness.knime.workflows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.config.ConfigRO;

/**
 * A KNIME workflow folder read from its on-disk format: workflow.knime (nodes, connections) and each node's
 * settings.xml (factory, name, model settings). Nothing is executed here.
 */
final class KnimeWorkflow {
    /** One node: id, folder, node type, factory class name, node name, model settings, flow variable settings. */
    record Node(int id, String folder, String type, String factory, String name, NodeSettingsRO model,
        NodeSettingsRO variables) { }

    /**
     * A connection. KNIME numbers a node's ports from 0, where port 0 is the implicit flow variable port and data
     * ports start at 1.
     */
    record Connection(int source, int sourcePort, int dest, int destPort) { }

    final Path dir;

    final Map<Integer, Node> nodes = new TreeMap<>();

    final List<Connection> connections = new ArrayList<>();

    /**
     * Workflow variables declared in workflow.knime ({@code workflow_variables}: Var_i with name, class, value, as
     * KNIME's WorkflowPersistor.saveWorkflowVariables and FlowVariable.save write them): name -> {class, value}.
     */
    final Map<String, String[]> workflowVariables = new TreeMap<>();

    private KnimeWorkflow(final Path dir) {
        this.dir = dir;
    }

    static NodeSettingsRO readXml(final Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return NodeSettings.loadFromXML(in);
        }
    }

    static KnimeWorkflow load(final Path dir) throws IOException, InvalidSettingsException {
        KnimeWorkflow wf = new KnimeWorkflow(dir);
        NodeSettingsRO root = readXml(dir.resolve("workflow.knime"));
        ConfigRO nodes = root.getConfig("nodes");
        for (String key : nodes.keySet()) {
            ConfigRO n = nodes.getConfig(key);
            int id = n.getInt("id");
            if (!key.equals("node_" + id)) {
                throw new InvalidSettingsException("workflow.knime: node entry " + key + " has id " + id);
            }
            String settingsFile = n.getString("node_settings_file");
            String folder = settingsFile.substring(0, settingsFile.indexOf('/'));
            String type = n.getString("node_type");
            NodeSettingsRO settings = readXml(dir.resolve(settingsFile));
            String factory = settings.containsKey("factory") ? settings.getString("factory") : null;
            String name = settings.containsKey("name") ? settings.getString("name") : null;
            NodeSettingsRO model = settings.containsKey("model") ? settings.getNodeSettings("model") : null;
            NodeSettingsRO variables = settings.containsKey("variables") ? settings.getNodeSettings("variables") : null;
            wf.nodes.put(id, new Node(id, folder, type, factory, name, model, variables));
        }
        if (root.containsKey("workflow_variables")) {
            ConfigRO vars = root.getConfig("workflow_variables");
            for (String key : vars.keySet()) {
                ConfigRO v = vars.getConfig(key);
                wf.workflowVariables.put(v.getString("name"), new String[]{v.getString("class"), v.getString("value")});
            }
        }
        ConfigRO conns = root.getConfig("connections");
        for (String key : conns.keySet()) {
            ConfigRO c = conns.getConfig(key);
            wf.connections.add(new Connection(c.getInt("sourceID"), c.getInt("sourcePort"), c.getInt("destID"),
                c.getInt("destPort")));
        }
        return wf;
    }

    /** Node ids in an order where every node comes after all nodes it is connected from (ties: lower id first). */
    List<Integer> executionOrder() {
        List<Integer> order = new ArrayList<>();
        Map<Integer, Integer> indegree = new TreeMap<>();
        nodes.keySet().forEach(id -> indegree.put(id, 0));
        for (Connection c : connections) {
            indegree.merge(c.dest(), 1, Integer::sum);
        }
        while (order.size() < nodes.size()) {
            Integer next = indegree.entrySet().stream().filter(e -> e.getValue() == 0 && !order.contains(e.getKey()))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalStateException("workflow " + dir + " has a cycle"));
            order.add(next);
            for (Connection c : connections) {
                if (c.source() == next) {
                    indegree.merge(c.dest(), -1, Integer::sum);
                }
            }
        }
        return order;
    }
}
