#!/usr/bin/python3
"""Writes this workflow's workflow.knime and node settings (run: /usr/bin/python3 make_workflow.py)."""
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, ".."))
from knime_xml import Node, write_workflow, s, d, i, b

P = "org.glasssoftness.knime.nodes."
read = Node(1, "Read LAMMPS Dump", P + "readdump.ReadDumpNodeFactory", [
    ("input", s("knime://knime.workflow/data/libp-melt.dump.gz")), ("type-map", s("1=Li,2=B,3=O,4=P")),
    ("first-frame", i(0)), ("last-frame", i(-1)), ("stride", i(1))])
dcum = Node(2, "D_cum", P + "dcum.DCumNodeFactory", [
    ("species", s("Li")), ("cutoff", d(4.0)), ("neighbor-species", s("")), ("min-neighbors", i(4)),
    ("label", s("top:0.3")), ("first-frame", i(0)), ("last-frame", i(-1)), ("stride", i(1)), ("threads", i(2))],
    x=300, y=80)
feat = Node(3, "Radial Features", P + "radialfeatures.RadialFeaturesNodeFactory", [
    ("focus", s("Li")), ("neighbours", s("Li,B,O,P")), ("dr", d(0.5)), ("rc", d(5.0)), ("width", d(0.0)),
    ("frame", i(0)), ("all-frames", b(False))], x=300, y=240)
train = Node(4, "Train LR", P + "trainlr.TrainLrNodeFactory", [
    ("label-column", s("mobile")), ("threshold", s("")), ("keys", s("id")), ("group-column", s("")),
    ("test-groups", s("")), ("C", d(1.0)), ("class-weight", s("none")), ("seed", i(42)), ("width", d(0.0)),
    ("class-labels", s("immobile,mobile"))], x=500, y=160)
apply = Node(5, "Apply Softness", P + "applysoftness.ApplySoftnessNodeFactory", [
    ("raw", b(False)), ("axis", s("z")), ("first-frame", i(0)), ("last-frame", i(0)), ("stride", i(1)),
    ("coordination", s("")), ("bins", i(10)), ("label-column", s("mobile")), ("threshold", s(""))], x=700, y=200)
write = Node(6, "Write LAMMPS Dump", P + "writedump.WriteDumpNodeFactory", [
    ("output", s("knime://knime.workflow/data/softness.dump")), ("overwrite", b(True))], x=900, y=200)
back = Node(7, "Read LAMMPS Dump", P + "readdump.ReadDumpNodeFactory", [
    ("input", s("knime://knime.workflow/data/softness.dump")), ("type-map", s("1=Li,2=B,3=O,4=P")),
    ("first-frame", i(0)), ("last-frame", i(-1)), ("stride", i(1))], x=1100, y=200)
write_workflow(here, [read, dcum, feat, train, apply, write, back],
               [(1, 1, 2, 1), (1, 1, 3, 1), (3, 1, 4, 1), (2, 1, 4, 2), (4, 1, 5, 1), (1, 1, 5, 2), (5, 1, 6, 1),
                (6, 0, 7, 0)],
               "The softness study's chain on a LAMMPS-written LiBP melt (data/libp-melt.dump.gz, 480 atoms, 6 frames): "
               "D_cum of Li (4 A, top 30 % mobile) labels the Li atoms; Radial Features of Li (neighbours Li, B, O, "
               "P; dr 0.5 A, R_c 5 A, frame 0) describe them; Train LR joins both on the atom id and fits the "
               "logistic regression (C = 1); Apply Softness scores frame 0; Write LAMMPS Dump writes it with a "
               "softness column (data/softness.dump), which Read LAMMPS Dump reads back (ordered after the writer "
               "by a flow variable connection). Expected features (direct NumPy sums), weights, metrics and softness "
               "(scikit-learn on the same features and labels) are in expected/, from expected/make_expected.py.")
