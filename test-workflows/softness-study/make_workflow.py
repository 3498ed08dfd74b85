#!/usr/bin/python3
"""Writes the softness-study workflow (run: /usr/bin/python3 make_workflow.py): the whole study of Du et al. (2023)
as one KNIME workflow, for the two composition series (Li2O)40+x(B2O3)30(P2O5)30-x ("fixedB") and
(Li2O)40(B2O3)30+x(P2O5)30-x ("fixedLi"), x = -10, -5, 0, 5, 10: nine glasses (x = 0 is Li40B30P30 in both).

Layout (node ids):
- scale selection: Table Creator "scales" (1) -> Row Filter scale = workflow variable `scale` (2) -> Table Row to
  Variable (3): one flow variable per column of SCALES below;
- compositions: Table Creator (4) -> Table Row to Variable Loop Start (5): one iteration per glass, flow variables
  glass, series, x, composition, seed, glass_dump, tension_dump;
- loop body (only our nodes): Run GPU MD build + melt-quench (6) -> unstrained glass (its one frame) -> Run GPU MD NVT
  300 K (7) -> D_cum of Li (9, Li labels); Run GPU MD tension along x (8) -> Bond-Switch Label of B (10, B labels);
  Radial Features of Li (11) and B (12), Compute RDF/S(Q) (13), Coordination Analysis (14) on the unstrained glass;
  Write LAMMPS Dump of the glass (15) and of the tension frames (16) to per-glass files named by flow variables;
  Constant Value Column (17-22) adds the `glass` column to every table the loop collects;
- Loop End (23) with six collector ports: Li features, Li labels, B features, B labels, g(r), coordination summary;
- after the loop: Row Filter fixedB series (24) -> Train LR for Li (26; test group Li40B30P30), Row Filter fixedLi
  series (25) -> Train LR for B (27); Read LAMMPS Dump of the test glass (28) and of its tension frames (29) ->
  Apply Softness (30: Li model on the glass, 31: B model on the tension frames, <S> vs strain) -> Write LAMMPS Dump
  with the softness column (32, 33).

KNIME's own nodes carry the model settings keys their knime-base 5.3 source (branch releases/2024-06) saves; the
WebUI nodes (Row Filter, Table Row to Variable (Loop Start)) are saved by knime-core-ui 5.3 (same branch):
persistence/field/SettingsModelFieldNodeSettingsPersistorFactory (enum with settingsModel = SettingsModelString:
_Internals + value; ColumnFilter with SettingsModelColumnFilter2: setting/columnfilter/LegacyColumnFilterPersistor),
DefaultFieldNodeSettingsPersistorFactory (arrays of settings as configs "0", "1", ...; key = field name without m_),
ConfigKeyUtil (hidden fields: key + "_Internals"), widget/dynamic/DynamicValuesInput.DynamicValuePersistor
(typeIdentifier, stringCaseMatching, value):
- Table Creator: io/tablecreator/TableCreator2NodeSettings.saveSettings (rowIndices, columnIndices, values, rowIdPrefix,
  rowIdSuffix, rowIdStartValue, highlightOutputTable, columnProperties with filereader/ColProperty.saveToConfiguration);
- Row Filter: preproc/filter/row3/AbstractRowFilterNodeSettings + RowFilterNodeSettings (matchCriteria, predicates,
  domains, outputMode; the predicate value is knime-core-ui's DynamicValuesInput, whose value entry a flow variable
  can control);
- Table Row to Variable and Table Row to Variable Loop Start: flowvariable/tablerowtovariable3/
  TableToVariable3NodeSettings (column_selection as SettingsModelColumnFilter2, missing_value_policy as a
  SettingsModelString with its _Internals, default_value_*);
- Constant Value Column: preproc/constantvalue/ConstantValueColumnConfig.save;
- Loop End: meta/looper/LoopEndDynamicNodeSettings (one flag per collector port) as in the other loop workflows.
"""
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, ".."))
from knime_xml import Node, write_workflow, s, d, i, b, arr, data_type, S

# The study's scales: the same values as the engine's core/.../study/StudyScale (SoftnessStudyWorkflowTest fails when
# they differ), plus the RDF range of this workflow.
# Run GPU MD's cutoff and accuracy are text settings; stage strings use core md/protocol/StageParser's grammar.
SCALES = {
    "tiny": dict(atoms=360, cutoff="6", accuracy="1e-4", fire_steps=50,
                 quench_stages="melt:nvt:150:3000,quench:nvt:300:3000:300,relax:npt:150:300:300:0:0",
                 nvt_stages="nvt300:nvt:200:300", nvt_dump_every=20,
                 tension_stages="tension:tension:300:300:0:0.5", tension_dump_every=30, replicate_x=1,
                 dr=0.5, rc=5.0, li_label="top:0.3", rdf_r_max=7.0),
    "small": dict(atoms=600, cutoff="8", accuracy="1e-5", fire_steps=200,
                  quench_stages="melt:nvt:500:3000,quench:nvt:1000:3000:300,relax:npt:300:300:300:0:0",
                  nvt_stages="nvt300:nvt:500:300", nvt_dump_every=25,
                  tension_stages="tension:tension:500:300:0:0.5", tension_dump_every=25, replicate_x=1,
                  dr=0.2, rc=8.0, li_label="top:0.3", rdf_r_max=8.0),
    "full": dict(atoms=10000, cutoff="10", accuracy="1e-5", fire_steps=500, quench_stages="melt-quench",
                 nvt_stages="nvt300:nvt:1000000:300", nvt_dump_every=1000,
                 tension_stages="tensile", tension_dump_every=200, replicate_x=2,
                 dr=0.2, rc=10.0, li_label="threshold:360", rdf_r_max=12.0),
}
SCALE_TYPES = dict(atoms="int", cutoff="string", accuracy="string", fire_steps="int", quench_stages="string",
                   nvt_stages="string", nvt_dump_every="int", tension_stages="string", tension_dump_every="int",
                   replicate_x="int", dr="double", rc="double", li_label="string", rdf_r_max="double")
DEFAULT_SCALE = "small"
TEST_GLASS = "Li40B30P30"


def glass_name(li, b_, p):
    return "Li%dB%dP%d" % (li, b_, p)


def compositions():
    """Rows (glass, series, x, composition, seed, glass_dump, tension_dump): fixedB first, then the four other
    fixedLi glasses (x = 0 once, series 'both')."""
    rows = []
    for series, fn in (("fixedB", lambda x: (40 + x, 30, 30 - x)), ("fixedLi", lambda x: (40, 30 + x, 30 - x))):
        for x in (-10, -5, 0, 5, 10):
            li, b_, p = fn(x)
            if x == 0 and series == "fixedLi":
                continue
            name = glass_name(li, b_, p)
            out = "knime://knime.workflow/data/output/" + name
            rows.append([name, "both" if x == 0 else series, x, "Li2O=%d,B2O3=%d,P2O5=%d" % (li, b_, p),
                         1001 + len(rows), out + "-glass.dump", out + "-tension.dump"])
    return rows


COMP_COLUMNS = [("glass", "string"), ("series", "string"), ("x", "int"), ("composition", "string"), ("seed", "int"),
                ("glass_dump", "string"), ("tension_dump", "string")]

P = "org.glasssoftness.knime.nodes."
BASE = "org.knime.base.node."
CELL = {"string": "org.knime.core.data.def.StringCell", "int": "org.knime.core.data.def.IntCell",
        "double": "org.knime.core.data.def.DoubleCell"}


def table_creator(id_, columns, rows, x, y, note):
    """KNIME's Table Creator holding `rows` (lists of values) under `columns` ((name, type) pairs)."""
    ri, ci, vals = [], [], []
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            ri.append(r)
            ci.append(c)
            vals.append(repr(float(v)) if columns[c][1] == "double" else str(v))
    props = [(str(c), [("UserSetValues", b(False)), ("MissValuePattern", s("")), ("FormatParameter", s("")),
                       ("ReadPossValsFromFile", b(False)), ("SkipThisColumn", b(False)), ("ColumnName", s(name)),
                       ("ColumnClass", data_type(CELL[t]))]) for c, (name, t) in enumerate(columns)]
    return Node(id_, "Table Creator", BASE + "io.tablecreator.TableCreator2NodeFactory", [
        ("rowIndices", arr("xint", ri)), ("columnIndices", arr("xint", ci)), ("values", arr("xstring", vals)),
        ("rowIdPrefix", s("Row")), ("rowIdSuffix", s("")), ("rowIdStartValue", i(0)),
        ("highlightOutputTable", b(False)), ("columnProperties", props)], ours=False, x=x, y=y, note=note)


def column_filter(names):
    """SettingsModelColumnFilter2's keys (TableToVariable3NodeSettings' column_selection): the columns included."""
    return [("filter-type", s("STANDARD")), ("included_names", arr("xstring", names)),
            ("excluded_names", arr("xstring", [])), ("enforce_option", s("EnforceInclusion")),
            ("name_pattern", [("pattern", s("")), ("type", s("Wildcard")), ("caseSensitive", b(False)),
                              ("excludeMatching", b(False))]), ("datatype", [("typelist", [])])]


def to_variable_settings(names):
    return [("column_selection", column_filter(names)),
            ("missing_value_policy_Internals", [("SettingsModelID", s("SMID_string")), ("EnabledStatus", b(True))]),
            ("missing_value_policy", s("FAIL")),
            ("default_value_string", s("missing")), ("default_value_boolean", s("false")),
            ("default_value_integer", i(0)), ("default_value_long", S("xlong", 0)),
            ("default_value_double", d(0.0))]


def row_filter(id_, column, operator, value, x, y, note, variable=None):
    """KNIME's Row Filter (row3) with one criterion on a string column; `variable` controls the value."""
    value_cfg = [("typeIdentifier", data_type(CELL["string"])),
                 ("stringCaseMatching", [("caseMatching", s("CASESENSITIVE"))]), ("value", s(value))]
    predicate = [("column", [("selected", s(column)),
                             ("compatibleTypes_Internals", arr("xstring", ["org.knime.core.data.StringValue",
                                                                           "org.knime.core.data.DataValue",
                                                                           "org.knime.core.data.NominalValue"]))]),
                 ("operator", s(operator)),
                 ("predicateValues", [("values", [("0", value_cfg)]), ("inputKind", s("SINGLE"))])]
    bind = [(("predicates", "0", "predicateValues", "values", "0", "value"), variable)] if variable else None
    return Node(id_, "Row Filter", BASE + "preproc.filter.row3.RowFilterNodeFactory", [
        ("matchCriteria", s("AND")), ("predicates", [("0", predicate)]), ("domains", s("RETAIN")),
        ("outputMode", s("MATCHING"))], ours=False, variables=bind, x=x, y=y, note=note)


def constant_column(id_, x, y, what):
    """KNIME's Constant Value Column appending the glass name (flow variable `glass`) as column `glass`."""
    return Node(id_, "Constant Value Column", BASE + "preproc.constantvalue.ConstantValueColumnNodeFactory", [
        ("replaced-column", s(None)), ("column-value", s("")), ("new-column-name", s("glass")),
        ("column-type", s("STRING")), ("date-format", s("dd.MM.yyyy"))], ours=False,
        variables=[("column-value", "glass")], x=x, y=y, note="+ glass column\n(" + what + ")")


def loop_end(id_, ports, x, y, note):
    flags = lambda v: arr("xboolean", [v] * ports)
    return Node(id_, "Loop End", BASE + "meta.looper.LoopEndDynamicNodeFactory", [
        ("addIterationColumn", b(True)), ("rowKeyPolicy", s("APPEND_SUFFIX")), ("propagateLoopVariables", b(False)),
        ("ignoreEmptyTables", flags(True)), ("tolerateColumnTypes", flags(False)),
        ("tolerateChangingSpecs", flags(False))], ours=False,
        creation=[("Collector", [("port_%d" % k, [("object_class", s("org.knime.core.node.BufferedDataTable"))])
                                 for k in range(ports - 1)])], out_ports=ports, x=x, y=y, note=note)


def run_md(id_, x, y, note, stages_var, dump_var, extra_vars=(), dump_every=0, minimize=-1):
    """Run GPU MD; the saved values are the node's defaults where a flow variable of the scale or glass table sets
    them (stages, cutoff, accuracy, ...), so the node configures on its own."""
    model = [("force-field", s("")), ("phosphate-option", s("b")), ("composition", s("Li2O=40,B2O3=30,P2O5=30")),
             ("atoms", i(600)), ("density", s("2.4")), ("min-separation", s("1.7")), ("seed", i(1)),
             ("stages", s("equilibrate:nvt:1000:300")), ("temperature", s("300")), ("minimize", i(minimize)), ("kspace", s("pppm")),
             ("accuracy", s("1e-5")), ("cutoff", s("8")), ("time-step", s("0.001")), ("thermo-every", i(100)),
             ("dump-every", i(dump_every)), ("threads", i(0)), ("backend", s("auto")), ("replicate-x", i(1))]
    variables = [("stages", stages_var), ("cutoff", "cutoff"), ("accuracy", "accuracy")] + list(extra_vars)
    if dump_var:
        variables.append(("dump-every", dump_var))
    return Node(id_, "Run GPU MD", P + "runmd.RunMdNodeFactory", model, variables=variables, x=x, y=y, note=note)


def radial(id_, focus, x, y):
    return Node(id_, "Radial Features", P + "radialfeatures.RadialFeaturesNodeFactory", [
        ("focus", s(focus)), ("neighbours", s("Li,B,O,P")), ("dr", d(0.2)), ("rc", d(8.0)), ("width", d(0.0)),
        ("frame", i(0)), ("all-frames", b(False))], variables=[("dr", "dr"), ("rc", "rc")], x=x, y=y,
        note="%s features G_X(r)\nof the unstrained glass" % focus)


def train(id_, label, keys, x, y, note, classes):
    return Node(id_, "Train LR", P + "trainlr.TrainLrNodeFactory", [
        ("label-column", s(label)), ("threshold", s("")), ("keys", s(keys)), ("group-column", s("glass")),
        ("test-groups", s(TEST_GLASS)), ("C", d(1.0)), ("class-weight", s("none")), ("seed", i(42)),
        ("width", d(0.0)), ("class-labels", s(classes))], x=x, y=y, note=note)


def read_dump(id_, path, x, y, note):
    return Node(id_, "Read LAMMPS Dump", P + "readdump.ReadDumpNodeFactory", [
        ("input", s(path)), ("type-map", s("")), ("first-frame", i(0)), ("last-frame", i(-1)), ("stride", i(1))],
        x=x, y=y, note=note)


def apply(id_, axis, x, y, note):
    return Node(id_, "Apply Softness", P + "applysoftness.ApplySoftnessNodeFactory", [
        ("raw", b(False)), ("axis", s(axis)), ("first-frame", i(0)), ("last-frame", i(-1)), ("stride", i(1)),
        ("coordination", s("O:2.0")), ("bins", i(40)), ("label-column", s("mobile")), ("threshold", s(""))],
        x=x, y=y, note=note)


def write_dump(id_, path, x, y, note, variable=None):
    return Node(id_, "Write LAMMPS Dump", P + "writedump.WriteDumpNodeFactory", [
        ("output", s(path)), ("overwrite", b(True))], variables=[("output", variable)] if variable else None,
        x=x, y=y, note=note)


scale_columns = [("scale", "string")] + [(k, SCALE_TYPES[k]) for k in SCALES["tiny"]]
scale_rows = [[name] + [v[k] for k in SCALES["tiny"]] for name, v in SCALES.items()]
OUT = "knime://knime.workflow/data/output/"

nodes = [
    table_creator(1, scale_columns, scale_rows, 60, 40,
                  "Study scales: tiny (CI),\nsmall (default, laptop),\nfull (the paper)"),
    row_filter(2, "scale", "EQ", DEFAULT_SCALE, 220, 40, "keep the row of the\nworkflow variable 'scale'",
               variable="scale"),
    Node(3, "Table Row to Variable", BASE + "flowvariable.tablerowtovariable3.TableToVariable3NodeFactory",
         to_variable_settings([c for c, _ in scale_columns]), ours=False, x=380, y=40,
         note="scale settings ->\nflow variables"),
    table_creator(4, COMP_COLUMNS, compositions(), 60, 320,
                  "Nine glasses: series fixedB\nand fixedLi, x = -10..10"),
    Node(5, "Table Row to Variable Loop Start", BASE + "meta.looper.variable.start.LoopStartVariable3NodeFactory",
         to_variable_settings([c for c, _ in COMP_COLUMNS]), ours=False, x=380, y=320,
         note="one iteration per glass:\nglass, composition, seed, ..."),
    run_md(6, 540, 320, "build + FIRE + melt-quench\n-> unstrained glass (1 frame)", "quench_stages", None,
           [("composition", "composition"), ("atoms", "atoms"), ("seed", "seed"), ("minimize", "fire_steps")]),
    run_md(7, 720, 180, "NVT 300 K trajectory", "nvt_stages", "nvt_dump_every"),
    run_md(8, 720, 600, "tension along x", "tension_stages", "tension_dump_every",
           [("replicate-x", "replicate_x")]),
    Node(9, "D_cum", P + "dcum.DCumNodeFactory", [
        ("species", s("Li")), ("cutoff", d(4.0)), ("neighbor-species", s("")), ("min-neighbors", i(4)),
        ("label", s("top:0.3")), ("first-frame", i(0)), ("last-frame", i(-1)), ("stride", i(1)), ("threads", i(0))],
        variables=[("label", "li_label")], x=900, y=180, note="Li labels: D_cum of\nthe NVT trajectory"),
    Node(10, "Bond-Switch Label", P + "bondswitch.BondSwitchNodeFactory", [
        ("species", s("B")), ("partner", s("O")), ("cutoff", d(2.0)), ("axis", s("x")), ("strain", s("")),
        ("switched", s("decreased,swapped")), ("first-frame", i(0)), ("last-frame", i(-1)), ("stride", i(1)),
        ("threads", i(0))], x=900, y=600, note="B labels: B-O bond\nswitching under tension"),
    radial(11, "Li", 720, 320),
    radial(12, "B", 720, 460),
    Node(13, "Compute RDF/S(Q)", P + "rdf.RdfNodeFactory", [
        ("first-frame", i(0)), ("last-frame", i(-1)), ("stride", i(1)), ("r-max", d(8.0)), ("dr", d(0.02)),
        ("multi-image", b(False)), ("q-min", d(0.5)), ("q-max", d(20.0)), ("dq", d(0.05)), ("lorch", b(True)),
        ("scattering-lengths", s(""))], variables=[("r-max", "rdf_r_max")], x=540, y=740,
        note="g(r), S(Q) of the\nunstrained glass"),
    Node(14, "Coordination Analysis", P + "coordination.CoordinationNodeFactory", [
        ("first-frame", i(0)), ("last-frame", i(-1)), ("stride", i(1)), ("cutoffs", s("B-O=2.0,P-O=2.0")),
        ("formers", s("B,P")), ("anion", s("O")), ("angles", s("")), ("angle-bin", d(5.0)), ("composition", s("")),
        ("per-atom", b(True))], x=720, y=740, note="[n]B, Qn, bond lengths\nof the unstrained glass"),
    write_dump(15, OUT + "glass.dump", 540, 460, "unstrained glass ->\ndata/output/<glass>-glass.dump",
               "glass_dump"),
    write_dump(16, OUT + "tension.dump", 900, 740, "tension frames ->\ndata/output/<glass>-tension.dump",
               "tension_dump"),
    constant_column(17, 900, 320, "Li features"),
    constant_column(18, 1060, 180, "Li labels"),
    constant_column(19, 900, 460, "B features"),
    constant_column(20, 1060, 600, "B labels"),
    constant_column(21, 1060, 740, "g(r)"),
    constant_column(22, 1060, 880, "coordination summary"),
    loop_end(23, 6, 1240, 460, "collects per glass: Li/B features,\nLi/B labels, g(r), coordination"),
    row_filter(24, "glass", "REGEX", r"Li\d+B30P\d+", 1420, 320, "fixedB series\n(Li model, Methods 4.6)"),
    row_filter(25, "glass", "REGEX", r"Li40B\d+P\d+", 1420, 600, "fixedLi series\n(B model)"),
    train(26, "mobile", "glass", 1580, 320, "Li model: train on 4 glasses,\ntest on " + TEST_GLASS,
          "immobile,mobile"),
    train(27, "switched", "glass", 1580, 600, "B model: train on 4 glasses,\ntest on " + TEST_GLASS,
          "unswitched,switched"),
    read_dump(28, OUT + TEST_GLASS + "-glass.dump", 1580, 180, "test glass " + TEST_GLASS + "\n(unstrained)"),
    read_dump(29, OUT + TEST_GLASS + "-tension.dump", 1580, 740, "test glass " + TEST_GLASS + "\n(tension frames)"),
    apply(30, "x", 1760, 250, "softness of Li\nin the test glass"),
    apply(31, "x", 1760, 670, "softness of B vs strain\n(<S> vs strain)"),
    write_dump(32, OUT + TEST_GLASS + "-softness-li.dump", 1940, 250, "glass with Li softness\n(for OVITO)"),
    write_dump(33, OUT + TEST_GLASS + "-softness-b-tension.dump", 1940, 670, "tension frames with\nB softness"),
]
connections = [
    (1, 1, 2, 1), (2, 1, 3, 1), (3, 1, 5, 0), (4, 1, 5, 1),
    # the loop start's variable port feeds the first MD run's flow variable port
    (5, 1, 6, 0), (6, 1, 7, 1), (6, 1, 8, 1), (7, 1, 9, 1), (8, 1, 10, 1), (6, 1, 11, 1), (6, 1, 12, 1),
    (6, 1, 13, 1), (6, 1, 14, 1), (6, 1, 15, 1), (8, 1, 16, 1),
    (11, 1, 17, 1), (9, 1, 18, 1), (12, 1, 19, 1), (10, 2, 20, 1), (13, 1, 21, 1), (14, 5, 22, 1),
    # the dump writers end branches of the loop body: their flow variable ports join the Loop End, so every
    # iteration waits for them (no dangling branch in the body)
    (15, 0, 23, 0), (16, 0, 23, 0),
    (17, 1, 23, 1), (18, 1, 23, 2), (19, 1, 23, 3), (20, 1, 23, 4), (21, 1, 23, 5), (22, 1, 23, 6),
    (23, 1, 24, 1), (23, 3, 25, 1), (24, 1, 26, 1), (23, 2, 26, 2), (25, 1, 27, 1), (23, 4, 27, 2),
    # the dumps of the test glass exist once the loop has finished: flow variable connections order the readers
    (23, 0, 28, 0), (23, 0, 29, 0), (26, 1, 30, 1), (28, 1, 30, 2), (27, 1, 31, 1), (29, 1, 31, 2),
    (30, 1, 32, 1), (31, 1, 33, 1),
]

if __name__ == "__main__":
    write_workflow(here, nodes, connections,
                   "The glass softness study (Du et al., Materials Today Energy 2023) as one workflow: for the nine "
                   "glasses of the series (Li2O)40+x(B2O3)30(P2O5)30-x and (Li2O)40(B2O3)30+x(P2O5)30-x, x = -10, -5, "
                   "0, 5, 10, a loop builds and melt-quenches the glass (Run GPU MD), runs NVT at 300 K (D_cum -> Li "
                   "labels) and a tensile test along x (Bond-Switch Label -> B labels), computes the radial features "
                   "of Li and B, g(r)/S(Q) and coordination of the unstrained glass and writes the glass and tension "
                   "dumps to data/output/. Train LR fits the Li model on the fixedB glasses and the B model on the "
                   "fixedLi glasses (x = -10, -5, 5, 10) and tests both on Li40B30P30; Apply Softness scores the test "
                   "glass and its tension frames. The workflow variable 'scale' (small by default; tiny, full) "
                   "selects the protocol: full is the paper's (10,000 atoms, 1 K/ps quench, 1 ns NVT). Batch: "
                   "-workflow.variable=scale,full,String.",
                   workflow_variables=[("scale", DEFAULT_SCALE)])
