#!/usr/bin/python3
"""Writes this workflow's workflow.knime and node settings (run: /usr/bin/python3 make_workflow.py).

The parameter scan of the study (Methods 4.6: dr and R_c of the radial features) with KNIME's own loop nodes: an
outer Interval Loop Start over dr (0.25, 0.5 A; variable dr_value) and an inner one over R_c (3, 4, 5 A; variable
rc_value) control Radial Features' 'dr' and 'rc' settings through flow variables; Train LR's metrics are collected
by two Loop End nodes (iteration columns 'Iteration' of the inner and outer loop). KNIME's settings keys are those of
knime-base 5.3.0 (LoopStartIntervalDynamicSettings: from, to, step, prefix; LoopStartIntervalDynamicNodeModel:
variableType; LoopEndDynamicNodeSettings as in the frames_in_loop workflow)."""
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, ".."))
from knime_xml import Node, write_workflow, s, d, i, b

P = "org.glasssoftness.knime.nodes."
LOOPER = "org.knime.base.node.meta.looper."


def interval(id_, frm, to, step, prefix, x, y):
    return Node(id_, "Interval Loop Start", LOOPER + "LoopStartIntervalDynamicNodeFactory", [
        ("from", d(frm)), ("to", d(to)), ("step", d(step)), ("prefix", s(prefix)),
        ("variableType_Internals", [("SettingsModelID", s("SMID_string")), ("EnabledStatus", b(True))]),
        ("variableType", s("DOUBLE"))], ours=False, creation=[("Pass through", [])], x=x, y=y)


def loop_end(id_, x, y):
    flag = lambda v: [("array-size", i(1)), ("0", b(v))]
    return Node(id_, "Loop End", LOOPER + "LoopEndDynamicNodeFactory", [
        ("addIterationColumn", b(True)), ("rowKeyPolicy", s("APPEND_SUFFIX")), ("propagateLoopVariables", b(False)),
        ("ignoreEmptyTables", flag(True)), ("tolerateColumnTypes", flag(False)), ("tolerateChangingSpecs", flag(False))],
        ours=False, creation=[("Collector", [])], x=x, y=y)


outer = interval(1, 0.25, 0.5, 0.25, "dr_", 100, 80)
inner = interval(2, 3.0, 5.0, 1.0, "rc_", 260, 80)
read = Node(3, "Read LAMMPS Dump", P + "readdump.ReadDumpNodeFactory", [
    ("input", s("knime://knime.workflow/data/libp-melt.dump.gz")), ("type-map", s("1=Li,2=B,3=O,4=P")),
    ("first-frame", i(0)), ("last-frame", i(-1)), ("stride", i(1))], x=100, y=260)
dcum = Node(4, "D_cum", P + "dcum.DCumNodeFactory", [
    ("species", s("Li")), ("cutoff", d(4.0)), ("neighbor-species", s("")), ("min-neighbors", i(4)),
    ("label", s("top:0.3")), ("first-frame", i(0)), ("last-frame", i(-1)), ("stride", i(1)), ("threads", i(2))],
    x=260, y=340)
feat = Node(5, "Radial Features", P + "radialfeatures.RadialFeaturesNodeFactory", [
    ("focus", s("Li")), ("neighbours", s("Li,B,O,P")), ("dr", d(0.5)), ("rc", d(5.0)), ("width", d(0.0)),
    ("frame", i(0)), ("all-frames", b(False))], variables=[("dr", "dr_value"), ("rc", "rc_value")], x=420, y=200)
train = Node(6, "Train LR", P + "trainlr.TrainLrNodeFactory", [
    ("label-column", s("mobile")), ("threshold", s("")), ("keys", s("id")), ("group-column", s("")),
    ("test-groups", s("")), ("C", d(1.0)), ("class-weight", s("none")), ("seed", i(42)), ("width", d(0.0)),
    ("class-labels", s("immobile,mobile"))], x=580, y=260)
end_inner = loop_end(7, 740, 260)
end_outer = loop_end(8, 900, 260)
write_workflow(here, [outer, inner, read, dcum, feat, train, end_inner, end_outer],
               [(1, 0, 2, 0), (2, 0, 5, 0), (3, 1, 5, 1), (3, 1, 4, 1), (5, 1, 6, 1), (4, 1, 6, 2), (6, 2, 7, 1),
                (7, 1, 8, 1)],
               "Parameter scan of the softness features with KNIME's own loops: Interval Loop Start over dr "
               "(0.25, 0.5 A, variable dr_value) and, nested, over R_c (3, 4, 5 A, variable rc_value) control Radial "
               "Features' dr and rc settings by flow variables; Train LR (labels: D_cum of Li, top 30 %) is trained "
               "for each pair and two Loop End nodes collect its metrics table (6 rows). Uses KNIME Base nodes, so "
               "the project's tests check only its structure, our nodes' settings and the flow-variable bindings.")
