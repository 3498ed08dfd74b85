#!/usr/bin/python3
"""Writes KNIME workflow folders in KNIME's on-disk format (XMLConfig 2008/09), as the existing hand-validated test
workflows have them: workflow.knime (nodes, connections, editor settings) and each node's 'Name (#id)/settings.xml'.
Used by the make_workflow.py of the structure, softness_chain, softness_scan_loop and softness-study workflows.
Optional extras (used by softness-study only, so the older files stay byte for byte the same): node annotations, flow
variable bindings of nested settings (a path tuple), workflow variables and KNIME node factories of knime-base."""
import os
import re
from xml.sax.saxutils import quoteattr

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<config xmlns="http://www.knime.org/2008/09/XMLConfig" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.knime.org/2008/09/'
        'XMLConfig http://www.knime.org/XMLConfig_2008_09.xsd" key=%s>\n')
OURS = dict(bundle="Glass Softness for KNIME", symbolic="org.glasssoftness.knime", vendor="Glass Softness project",
            version="1.0.0.v202611242000")
BASE = dict(bundle="KNIME Base Nodes", symbolic="org.knime.base", vendor="KNIME AG, Zurich, Switzerland",
            version="5.3.0.v202406191105")
# data output ports per factory (for the "ports" entries KNIME saves)
OUT_PORTS = {"ReadDumpNodeFactory": 2, "WriteDumpNodeFactory": 0, "RdfNodeFactory": 3, "CoordinationNodeFactory": 5,
             "DCumNodeFactory": 2, "MsdNodeFactory": 3, "BondSwitchNodeFactory": 2, "RadialFeaturesNodeFactory": 1,
             "TrainLrNodeFactory": 3, "ApplySoftnessNodeFactory": 5, "RunMdNodeFactory": 3,
             "LoopStartIntervalDynamicNodeFactory": 0, "LoopStartCountDynamicNodeFactory": 0,
             "LoopEndDynamicNodeFactory": 1, "TableCreator2NodeFactory": 1, "RowFilterNodeFactory": 1,
             "TableToVariable3NodeFactory": 1, "LoopStartVariable3NodeFactory": 1,
             "ConstantValueColumnNodeFactory": 1}
SMID = {"xstring": "SMID_string", "xdouble": "SMID_double", "xint": "SMID_integer", "xboolean": "SMID_boolean"}


class S:
    """A typed setting value: S('xint', 3)."""
    def __init__(self, type_, value):
        self.type, self.value = type_, value


def s(v): return S("xstring", v)
def d(v): return S("xdouble", v)
def i(v): return S("xint", v)
def b(v): return S("xboolean", v)


def _fmt(x):
    if x.type == "xboolean":
        return "true" if x.value else "false"
    if x.type == "xdouble":
        return repr(float(x.value))
    return str(x.value)


def arr(type_, values):
    """An array setting as Config.addIntArray/addStringArray save it: array-size, then "0", "1", ..."""
    return [("array-size", i(len(values)))] + [(str(k), S(type_, v)) for k, v in enumerate(values)]


def data_type(cell_class):
    """A DataType as Config.addDataType saves it (cell_class, is_null)."""
    return [("cell_class", s(cell_class)), ("is_null", b(False))]


def entry(key, x, ind):
    if x.value is None:
        return '%s<entry key=%s type="%s" isnull="true" value=""/>\n' % (ind, quoteattr(key), x.type)
    return '%s<entry key=%s type="%s" value=%s/>\n' % (ind, quoteattr(key), x.type, quoteattr(_fmt(x)))


def config(key, items, ind):
    """items: list of (key, S | list) pairs; a list is a sub-config."""
    if not items:
        return '%s<config key=%s/>\n' % (ind, quoteattr(key))
    out = '%s<config key=%s>\n' % (ind, quoteattr(key))
    for k, v in items:
        out += config(k, v, ind + "    ") if isinstance(v, list) else entry(k, v, ind + "    ")
    return out + '%s</config>\n' % ind


def settings_models(values):
    """Our nodes' model settings as SettingsModel* write them: '<key>_Internals' then the value."""
    items = []
    for k, v in values:
        items.append((k + "_Internals", [("SettingsModelID", s(SMID[v.type])), ("EnabledStatus", b(True))]))
        items.append((k, v))
    return items


def variable_tree(bindings):
    """The 'tree' of a node's flow variable settings: it mirrors the model settings; a binding's key is a setting key
    or, for a nested setting, a tuple path of config keys."""
    root = []
    for key, var in bindings:
        path = (key,) if isinstance(key, str) else tuple(key)
        level = root
        for k in path[:-1]:
            sub = next((v for kk, v in level if kk == k), None)
            if sub is None:
                sub = []
                level.append((k, sub))
            level = sub
        level.append((path[-1], [("used_variable", s(var)), ("exposed_variable", s(None))]))
    return root


def annotation(text, x, y, width=150, height=45):
    """A node annotation as KNIME's WorkflowPersistor.saveAnnotationData saves it (plain text, default style)."""
    return [("text", s(text)), ("bgcolor", i(16777215)), ("x-coordinate", i(x)), ("y-coordinate", i(y)),
            ("width", i(width)), ("height", i(height)), ("alignment", s("CENTER")), ("borderSize", i(0)),
            ("borderColor", i(16777215)), ("defFontSize", i(9)), ("annotation-version", i(20151123)),
            ("styles", [])]


class Node:
    def __init__(self, id_, name, factory, model, ours=True, variables=None, creation=None, x=100, y=200,
                 out_ports=None, note=None):
        self.id, self.name, self.factory, self.model, self.ours = id_, name, factory, model, ours
        self.variables, self.creation, self.x, self.y, self.note = variables, creation, x, y, note
        self.out_ports = OUT_PORTS[factory.rsplit(".", 1)[1]] if out_ports is None else out_ports

    @property
    def folder(self):
        # KNIME's FileUtil.getValidFileName: runs of *?#:"<>%~|/\ and control characters become '_'
        return "%s (#%d)" % (re.sub(r'[\x00-\x1f\x7f*?#:"<>%~|/\\]+', "_", self.name.strip()), self.id)

    def settings_xml(self):
        meta = OURS if self.ours else BASE
        model = settings_models(self.model) if self.ours else self.model
        ind = "    "
        out = HEAD % quoteattr("settings.xml")
        out += entry("node_file", s("settings.xml"), ind)
        out += config("flow_stack", [], ind)
        out += config("internal_node_subsettings", [("memory_policy", s("CacheSmallInMemory"))], ind)
        out += config("model", model, ind)
        if self.variables:
            out += config("variables", [("version", s("V_2019_09_13")), ("tree", variable_tree(self.variables))],
                          ind)
        if self.note:
            # under the node: KNIME draws a node's annotation below its icon (node bounds are 94 x 79 here)
            out += config("nodeAnnotation", annotation(self.note, self.x - 28, self.y + 79), ind)
        out += entry("customDescription", s(None), ind)
        out += entry("state", s("CONFIGURED"), ind)
        out += entry("factory", s(self.factory), ind)
        out += entry("node-name", s(self.name), ind)
        out += entry("node-bundle-name", s(meta["bundle"]), ind)
        out += entry("node-bundle-symbolic-name", s(meta["symbolic"]), ind)
        out += entry("node-bundle-vendor", s(meta["vendor"]), ind)
        out += entry("node-bundle-version", s(meta["version"]), ind)
        out += entry("node-feature-name", s(None), ind)
        out += entry("node-feature-symbolic-name", s(None), ind)
        out += entry("node-feature-vendor", s(None), ind)
        out += entry("node-feature-version", s("0.0.0"), ind)
        out += config("factory_settings", [], ind)
        if self.creation is not None:
            out += config("node_creation_config", self.creation, ind)
        out += entry("name", s(self.name), ind)
        out += entry("hasContent", b(False), ind)
        out += entry("isInactive", b(False), ind)
        # FileNodePersistor.savePorts: one entry per data output port (KNIME numbering from 1), no data saved
        out += config("ports", [("port_%d" % k, [("index", i(k)), ("port_dir_location", s(None))])
                                for k in range(1, self.out_ports + 1)], ind)
        out += config("filestores", [("file_store_location", s(None)), ("file_store_id", s(None))], ind)
        return out + "</config>\n"


def write_workflow(folder, nodes, connections, description, workflow_variables=None):
    """connections: (sourceID, sourcePort, destID, destPort), KNIME port numbers (0 = flow variable port);
    workflow_variables: (name, value) string variables, saved as WorkflowPersistor.saveWorkflowVariables does
    (Var_i with FlowVariable.save's name, class, value)."""
    ind = "    "
    out = HEAD % quoteattr("workflow.knime")
    out += entry("created_by", s("5.3.0.v202406191105"), ind)
    out += entry("created_by_nightly", b(False), ind)
    out += entry("version", s("5.1.0"), ind)
    out += entry("name", s(None), ind)
    out += config("authorInformation", [("authored-by", s("glass-softness")),
                                        ("authored-when", s("2026-11-24 21:00:00 +0000")),
                                        ("lastEdited-by", s(None)), ("lastEdited-when", s(None))], ind)
    out += entry("customDescription", s(None), ind)
    out += entry("state", s("CONFIGURED"), ind)
    out += config("workflow_credentials", [], ind)
    if workflow_variables:
        out += config("workflow_variables", [("Var_%d" % k, [("name", s(n)), ("class", s("STRING")), ("value", s(v))])
                                             for k, (n, v) in enumerate(workflow_variables)], ind)
    out += config("nodes", [("node_%d" % n.id, [
        ("id", i(n.id)), ("node_settings_file", s(n.folder + "/settings.xml")), ("node_is_meta", b(False)),
        ("node_type", s("NativeNode")), ("ui_classname", s("org.knime.core.node.workflow.NodeUIInformation")),
        ("ui_settings", [("extrainfo.node.bounds", [("array-size", i(4)), ("0", i(n.x)), ("1", i(n.y)),
                                                    ("2", i(94)), ("3", i(79))])])]) for n in nodes], ind)
    out += config("connections", [("connection_%d" % k, [
        ("sourceID", i(c[0])), ("destID", i(c[2])), ("sourcePort", i(c[1])), ("destPort", i(c[3])),
        ("ui_classname", s("org.knime.core.node.workflow.ConnectionUIInformation")),
        ("ui_settings", [("extrainfo.conn.bendpoints_size", i(0))])]) for k, c in enumerate(connections)], ind)
    out += config("workflow_editor_settings", [
        ("workflow.editor.snapToGrid", b(True)), ("workflow.editor.ShowGrid", b(False)),
        ("workflow.editor.gridX", i(20)), ("workflow.editor.gridY", i(20)), ("workflow.editor.zoomLevel", d(1.0)),
        ("workflow.editor.curvedConnections", b(False)), ("workflow.editor.connectionWidth", i(1))], ind)
    out += "</config>\n"
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "workflow.knime"), "w") as f:
        f.write(out)
    for n in nodes:
        os.makedirs(os.path.join(folder, n.folder), exist_ok=True)
        with open(os.path.join(folder, n.folder, "settings.xml"), "w") as f:
            f.write(n.settings_xml())
    with open(os.path.join(folder, "workflow-metadata.xml"), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<workflow-metadata content-type="text/plain" '
                'xmlns="http://www.knime.org/core/node/workflow/metadata/v1.0">\n'
                '    <last-modified>2026-11-24T21:00:00.000+00:00</last-modified>\n'
                '    <description>%s</description>\n</workflow-metadata>' % description.replace("&", "&amp;")
                .replace("<", "&lt;"))
