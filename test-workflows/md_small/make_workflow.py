#!/usr/bin/python3
"""Writes this workflow's workflow.knime and node settings (run: /usr/bin/python3 make_workflow.py)."""
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, ".."))
from knime_xml import Node, write_workflow, s, d, i, b

P = "org.glasssoftness.knime.nodes."
md = Node(1, "Run GPU MD", P + "runmd.RunMdNodeFactory", [
    ("force-field", s("")), ("phosphate-option", s("b")), ("composition", s("Li2O=40,B2O3=30,P2O5=30")),
    ("atoms", i(480)), ("density", s("2.4")), ("min-separation", s("1.7")), ("seed", i(7)),
    ("stages", s("equilibrate:nvt:4:300")), ("temperature", s("300")), ("minimize", i(-1)), ("kspace", s("pppm")),
    ("accuracy", s("1e-4")), ("cutoff", s("8")), ("time-step", s("0.001")), ("thermo-every", i(1)),
    ("dump-every", i(2)), ("threads", i(2)), ("backend", s("java")), ("replicate-x", i(1))])
# saved as before the OpenCL backend added the settings precision and opencl-device: the node loads such settings with
# their defaults (double, best device), as KNIME loads workflows saved with an older version of the extension
rdf = Node(2, "Compute RDF/S(Q)", P + "rdf.RdfNodeFactory", [
    ("first-frame", i(0)), ("last-frame", i(-1)), ("stride", i(1)), ("r-max", d(8.0)), ("dr", d(0.1)),
    ("multi-image", b(False)), ("q-min", d(0.5)), ("q-max", d(10.0)), ("dq", d(0.5)), ("lorch", b(True)),
    ("scattering-lengths", s(""))], x=300, y=200)
write_workflow(here, [md, rdf], [(1, 1, 2, 1)],
               "Builds a 480-atom 40Li2O-30B2O3-30P2O5 glass at 2.4 g/cm3 (seed 7) and runs 4 NVT steps at 300 K "
               "on the Java backend (Deng-Du force field, PPPM), then Compute RDF/S(Q) on the frames. Checked: "
               "atom counts from the composition, the box volume from the density, step numbers, and the "
               "running coordination numbers' limits (expected/make_expected.py).")
