#!/usr/bin/python3
"""Writes this workflow's workflow.knime and node settings (run: /usr/bin/python3 make_workflow.py)."""
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, ".."))
from knime_xml import Node, write_workflow, s, d, i, b

read = Node(1, "Read LAMMPS Dump", "org.glasssoftness.knime.nodes.readdump.ReadDumpNodeFactory", [
    ("input", s("knime://knime.workflow/data/libp-melt.dump.gz")), ("type-map", s("1=Li,2=B,3=O,4=P")),
    ("first-frame", i(0)), ("last-frame", i(-1)), ("stride", i(1))])
rdf = Node(2, "Compute RDF/S(Q)", "org.glasssoftness.knime.nodes.rdf.RdfNodeFactory", [
    ("first-frame", i(0)), ("last-frame", i(-1)), ("stride", i(1)), ("r-max", d(8.0)), ("dr", d(0.1)),
    ("multi-image", b(False)), ("q-min", d(0.5)), ("q-max", d(10.0)), ("dq", d(0.5)), ("lorch", b(True)),
    ("scattering-lengths", s(""))], x=300, y=80)
coord = Node(3, "Coordination Analysis", "org.glasssoftness.knime.nodes.coordination.CoordinationNodeFactory", [
    ("first-frame", i(0)), ("last-frame", i(-1)), ("stride", i(1)), ("cutoffs", s("B-O=2.0,P-O=2.0")),
    ("formers", s("B,P")), ("anion", s("O")), ("angles", s("")), ("angle-bin", d(5.0)), ("composition", s("")),
    ("per-atom", b(True))], x=300, y=240)
write_workflow(here, [read, rdf, coord], [(1, 1, 2, 1), (1, 1, 3, 1)],
               "Reads the 6 frames of a LAMMPS-written LiBP melt (data/libp-melt.dump.gz, 480 atoms, the input of the "
               "dynamics workflow) and runs Compute RDF/S(Q) (r_max 8 A, dr 0.1 A, all frames) and Coordination "
               "Analysis (B-O and P-O bonds within 2.0 A). Expected partial g(r), running coordination numbers, "
               "per-atom coordination, coordination-state fractions and Q^n fractions are in expected/, derived "
               "from the dump by expected/make_expected.py with independent NumPy code.")
