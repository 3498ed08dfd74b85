package org.glasssoftness.knime.workflows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;

/**
 * What the KNIME nodes (of knime-base) that the test workflows use save and define, read from their saved settings.
 * None of them is executed or emulated here: this only reads settings to check a workflow offline (settings keys,
 * the flow variables each node defines, which columns a Table Creator holds). Facts from the knime-base source of
 * KNIME AP 5.3 (github.com/knime/knime-base, branch releases/2024-06), file paths below relative to
 * org.knime.base/src/org/knime/base/node/.
 */
final class KnimeNodes {
    static final String COUNT_LOOP_START = "org.knime.base.node.meta.looper.LoopStartCountDynamicNodeFactory";

    static final String INTERVAL_LOOP_START = "org.knime.base.node.meta.looper.LoopStartIntervalDynamicNodeFactory";

    static final String LOOP_END = "org.knime.base.node.meta.looper.LoopEndDynamicNodeFactory";

    static final String TABLE_CREATOR = "org.knime.base.node.io.tablecreator.TableCreator2NodeFactory";

    static final String ROW_FILTER = "org.knime.base.node.preproc.filter.row3.RowFilterNodeFactory";

    static final String TABLE_ROW_TO_VARIABLE =
        "org.knime.base.node.flowvariable.tablerowtovariable3.TableToVariable3NodeFactory";

    static final String TABLE_ROW_LOOP_START =
        "org.knime.base.node.meta.looper.variable.start.LoopStartVariable3NodeFactory";

    static final String CONSTANT_VALUE_COLUMN =
        "org.knime.base.node.preproc.constantvalue.ConstantValueColumnNodeFactory";

    /**
     * Model settings keys, in the order they are saved, of the KNIME nodes the test workflows use:
     * <ul>
     * <li>Counting Loop Start: meta/looper/LoopStartCountDynamicSettings (loops);</li>
     * <li>Interval Loop Start: meta/looper/LoopStartIntervalDynamicSettings (from, to, step, prefix) and the node
     * model's variableType SettingsModelString;</li>
     * <li>Loop End: meta/looper/AbstractLoopEndNodeSettings + LoopEndDynamicNodeSettings;</li>
     * <li>Table Creator: io/tablecreator/TableCreator2NodeSettings.saveSettings;</li>
     * <li>Row Filter: preproc/filter/row3/AbstractRowFilterNodeSettings (matchCriteria, predicates, domains) and
     * RowFilterNodeSettings (outputMode), knime-core-ui's default persistence (key = field name without m_);</li>
     * <li>Table Row to Variable and Table Row to Variable Loop Start (both use
     * flowvariable/tablerowtovariable3/TableToVariable3NodeSettings): column_selection, missing_value_policy (an
     * enum persisted as a SettingsModelString, hence its _Internals first: knime-core-ui 5.3
     * SettingsModelFieldNodeSettingsPersistorFactory), default_value_string, default_value_boolean,
     * default_value_integer, default_value_long, default_value_double;</li>
     * <li>Constant Value Column: preproc/constantvalue/ConstantValueColumnConfig.save.</li>
     * </ul>
     */
    static final Map<String, List<String>> SETTINGS_KEYS = Map.of(
        COUNT_LOOP_START, List.of("loops"),
        INTERVAL_LOOP_START, List.of("from", "to", "step", "prefix", "variableType_Internals", "variableType"),
        LOOP_END, List.of("addIterationColumn", "rowKeyPolicy", "propagateLoopVariables", "ignoreEmptyTables",
            "tolerateColumnTypes", "tolerateChangingSpecs"),
        TABLE_CREATOR, List.of("rowIndices", "columnIndices", "values", "rowIdPrefix", "rowIdSuffix", "rowIdStartValue",
            "highlightOutputTable", "columnProperties"),
        ROW_FILTER, List.of("matchCriteria", "predicates", "domains", "outputMode"),
        TABLE_ROW_TO_VARIABLE, tableToVariableKeys(),
        TABLE_ROW_LOOP_START, tableToVariableKeys(),
        CONSTANT_VALUE_COLUMN, List.of("replaced-column", "column-value", "new-column-name", "column-type",
            "date-format"));

    /**
     * The node names the factories give (what KNIME writes as node-name/name): from the node description XML or
     * the WebUINodeConfiguration's name(...) in the same knime-base sources.
     */
    static final Map<String, String> NODE_NAMES = Map.of(
        COUNT_LOOP_START, "Counting Loop Start",
        INTERVAL_LOOP_START, "Interval Loop Start",
        LOOP_END, "Loop End",
        TABLE_CREATOR, "Table Creator",
        ROW_FILTER, "Row Filter",
        TABLE_ROW_TO_VARIABLE, "Table Row to Variable",
        TABLE_ROW_LOOP_START, "Table Row to Variable Loop Start",
        CONSTANT_VALUE_COLUMN, "Constant Value Column");

    private static List<String> tableToVariableKeys() {
        return List.of("column_selection", "missing_value_policy_Internals", "missing_value_policy",
            "default_value_string", "default_value_boolean", "default_value_integer", "default_value_long",
            "default_value_double");
    }

    private KnimeNodes() {
    }

    /** A table column with the flow variable type a Table Row to Variable (Loop Start) makes of it. */
    record Column(String name, String variableType) { }

    /** The cells of a Table Creator as saved (strings), row by row, with its columns. */
    record Table(List<Column> columns, List<List<String>> rows) {
        int column(final String name) {
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).name().equals(name)) {
                    return c;
                }
            }
            throw new AssertionError("no column " + name + " in " + columns);
        }
    }

    /**
     * A Table Creator's table from its settings: column c is columnProperties/c (ColProperty: ColumnName and the
     * ColumnClass data type's cell_class), cell k is (rowIndices[k], columnIndices[k]) = values[k].
     */
    static Table tableCreator(final NodeSettingsRO model) throws InvalidSettingsException {
        NodeSettingsRO props = model.getNodeSettings("columnProperties");
        List<Column> cols = new ArrayList<>();
        for (int c = 0; props.containsKey(Integer.toString(c)); c++) {
            NodeSettingsRO p = props.getNodeSettings(Integer.toString(c));
            String cell = p.getNodeSettings("ColumnClass").getString("cell_class");
            cols.add(new Column(p.getString("ColumnName"), switch (cell) {
                case "org.knime.core.data.def.StringCell" -> "STRING";
                case "org.knime.core.data.def.IntCell" -> "INTEGER";
                case "org.knime.core.data.def.DoubleCell" -> "DOUBLE";
                case "org.knime.core.data.def.LongCell" -> "LONG";
                case "org.knime.core.data.def.BooleanCell" -> "BOOLEAN";
                default -> throw new AssertionError("column " + c + ": cell class " + cell + " not handled here");
            }));
        }
        int[] ri = model.getIntArray("rowIndices");
        int[] ci = model.getIntArray("columnIndices");
        String[] values = model.getStringArray("values");
        if (ri.length != ci.length || ri.length != values.length) {
            throw new AssertionError("Table Creator: rowIndices, columnIndices and values differ in length");
        }
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < values.length; k++) {
            while (rows.size() <= ri[k]) {
                List<String> empty = new ArrayList<>();
                for (int c = 0; c < cols.size(); c++) {
                    empty.add(null);
                }
                rows.add(empty);
            }
            rows.get(ri[k]).set(ci[k], values[k]);
        }
        return new Table(cols, rows);
    }

    /**
     * The columns of the table a KNIME node hands on at its first data output: a Table Creator's own, a Row Filter's
     * input's (it only drops rows).
     */
    static List<Column> columnsOut(final KnimeWorkflow wf, final int id) throws InvalidSettingsException {
        KnimeWorkflow.Node n = wf.nodes.get(id);
        if (TABLE_CREATOR.equals(n.factory())) {
            return tableCreator(n.model()).columns();
        }
        if (ROW_FILTER.equals(n.factory())) {
            return columnsOut(wf, dataSource(wf, id, 1));
        }
        throw new AssertionError(n.folder() + ": which columns this node outputs is not known offline");
    }

    /** The node connected to data input {@code port} (KNIME numbering) of node {@code id}. */
    static int dataSource(final KnimeWorkflow wf, final int id, final int port) {
        return wf.connections.stream().filter(c -> c.dest() == id && c.destPort() == port)
            .mapToInt(KnimeWorkflow.Connection::source).findFirst()
            .orElseThrow(() -> new AssertionError("node " + id + ": nothing connected to input " + port));
    }

    /**
     * The flow variables (name -> KNIME variable type identifier) that a KNIME node pushes, by its knime-base 5.3
     * source: Counting Loop Start currentIteration, maxIterations (LoopStartCountDynamicNodeModel); Interval Loop
     * Start prefix + from, to, step, value of its variableType; Table Row to Variable one variable per selected
     * column of its input, typed by the column (TableToVariable3NodeModel); Table Row to Variable Loop Start the
     * same plus currentIteration and maxIterations (LoopStartVariable2NodeModel.pushIterationVariables, int).
     */
    static Map<String, String> defines(final KnimeWorkflow wf, final KnimeWorkflow.Node n)
        throws InvalidSettingsException {
        Map<String, String> vars = new TreeMap<>();
        String f = n.factory();
        if (COUNT_LOOP_START.equals(f) || TABLE_ROW_LOOP_START.equals(f)) {
            vars.put("currentIteration", "INTEGER");
            vars.put("maxIterations", "INTEGER");
        }
        if (INTERVAL_LOOP_START.equals(f)) {
            String prefix = n.model().getString("prefix");
            String type = n.model().getString("variableType");
            for (String v : List.of("from", "to", "step", "value")) {
                vars.put(prefix + v, type);
            }
        }
        if (TABLE_ROW_TO_VARIABLE.equals(f) || TABLE_ROW_LOOP_START.equals(f)) {
            List<String> selected =
                List.of(n.model().getNodeSettings("column_selection").getStringArray("included_names"));
            for (Column c : columnsOut(wf, dataSource(wf, n.id(), 1))) {
                if (selected.contains(c.name())) {
                    vars.put(c.name(), c.variableType());
                }
            }
        }
        return vars;
    }

    /**
     * Flow variables available at node {@code id}: the workflow variables and those pushed by every KNIME node
     * upstream of it through any connection (the flow variable ports included). Behind a Loop End that does not
     * propagate loop variables (AbstractLoopEndNodeSettings' propagateLoopVariables) the variables of loop starts
     * are not visible; those of nodes before the loop are.
     */
    static Map<String, String> available(final KnimeWorkflow wf, final int id) throws InvalidSettingsException {
        Map<String, String> vars = new TreeMap<>();
        wf.workflowVariables.forEach((name, classAndValue) -> vars.put(name, classAndValue[0]));
        // (node, whether the path from id to it passed a Loop End that keeps its loop's variables inside)
        Deque<Object[]> todo = new ArrayDeque<>();
        todo.push(new Object[]{id, false});
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Object[] cur = todo.pop();
            for (KnimeWorkflow.Connection c : wf.connections) {
                if (c.dest() != (int)cur[0]) {
                    continue;
                }
                KnimeWorkflow.Node up = wf.nodes.get(c.source());
                boolean behindLoopEnd = (boolean)cur[1] || (LOOP_END.equals(up.factory())
                    && !up.model().getBoolean("propagateLoopVariables"));
                if (!seen.add(c.source() + ":" + behindLoopEnd)) {
                    continue;
                }
                todo.push(new Object[]{c.source(), behindLoopEnd});
                boolean loopStart = Set.of(COUNT_LOOP_START, INTERVAL_LOOP_START, TABLE_ROW_LOOP_START)
                    .contains(up.factory());
                if (!(behindLoopEnd && loopStart)) {
                    vars.putAll(defines(wf, up));
                }
            }
        }
        return vars;
    }

    /** A flow variable controlling a setting: the path of config keys below "model" and the variable's name. */
    record Binding(List<String> path, String variable) { }

    /** The flow variable bindings of a node (its "variables"/"tree", which mirrors the model settings). */
    static List<Binding> bindings(final KnimeWorkflow.Node n) throws InvalidSettingsException {
        List<Binding> out = new ArrayList<>();
        if (n.variables() != null) {
            collect(n.variables().getNodeSettings("tree"), new ArrayList<>(), out);
        }
        return out;
    }

    private static void collect(final NodeSettingsRO tree, final List<String> path, final List<Binding> out)
        throws InvalidSettingsException {
        for (String key : tree.keySet()) {
            NodeSettingsRO sub = tree.getNodeSettings(key);
            List<String> p = new ArrayList<>(path);
            p.add(key);
            if (sub.containsKey("used_variable")) {
                String used = sub.getString("used_variable");
                if (used != null) {
                    out.add(new Binding(p, used));
                }
            } else {
                collect(sub, p, out);
            }
        }
    }

    /**
     * The KNIME entry type (xstring, xint, xlong, xdouble, xboolean) of the setting at {@code path}, or null when
     * there is no such setting (or it is a sub-config).
     */
    static String settingType(final NodeSettingsRO model, final List<String> path) {
        NodeSettingsRO cfg = model;
        try {
            for (String k : path.subList(0, path.size() - 1)) {
                cfg = cfg.getNodeSettings(k);
            }
        } catch (InvalidSettingsException e) {
            return null;
        }
        String key = path.get(path.size() - 1);
        if (!cfg.containsKey(key)) {
            return null;
        }
        Map<String, ThrowingGetter> probes = new LinkedHashMap<>();
        NodeSettingsRO c = cfg;
        probes.put("xstring", () -> c.getString(key));
        probes.put("xint", () -> c.getInt(key));
        probes.put("xdouble", () -> c.getDouble(key));
        probes.put("xboolean", () -> c.getBoolean(key));
        for (Map.Entry<String, ThrowingGetter> e : probes.entrySet()) {
            try {
                e.getValue().get();
                return e.getKey();
            } catch (InvalidSettingsException ex) { // NOSONAR: not this type
                // try the next type
            }
        }
        return null;
    }

    private interface ThrowingGetter {
        Object get() throws InvalidSettingsException;
    }

    /** Whether a variable of this type may control a setting of this entry type (no silent conversions). */
    static boolean fits(final String settingType, final String variableType) {
        return switch (settingType) {
            case "xstring" -> variableType.equals("STRING");
            case "xint" -> variableType.equals("INTEGER");
            case "xdouble" -> variableType.equals("DOUBLE") || variableType.equals("INTEGER");
            case "xboolean" -> variableType.equals("BOOLEAN");
            default -> false;
        };
    }
}
