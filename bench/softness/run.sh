#!/usr/bin/env bash
# Softness benchmark: radial features (10,000 atoms x 200 features) and LR training (20,000 x 200) against a
# vectorised NumPy/SciPy version and scikit-learn, on the same generated inputs in one run. Prints a table.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3   # Debian's numpy/scipy/sklearn
WORK=bench/softness/work
mkdir -p "$WORK"
./mvnw -B -o -q -pl core compile
$PY bench/softness/gen.py "$WORK"
# core's runtime classpath (commons-math3, Tribuo and its dependencies: LogisticTrainer trains through Tribuo)
./mvnw -B -o -q -pl core dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/$WORK/classpath.txt"
CP=core/target/classes:$(cat "$WORK/classpath.txt")
JAVA_JSON=$(java -cp "$CP" bench/softness/SoftnessBench.java "$WORK")
PEER_JSON=$($PY bench/softness/peer.py "$WORK")
$PY - "$WORK" "$JAVA_JSON" "$PEER_JSON" <<'PYEOF'
import sys, json, numpy as np, platform, os, datetime
w, j, p = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
fj = np.fromfile(f"{w}/features_java.bin"); fn = np.fromfile(f"{w}/features_numpy.bin")
wj = np.fromfile(f"{w}/weights_java.bin"); ws = np.fromfile(f"{w}/weights_sklearn_tol1e-10.bin"); wd = np.fromfile(f"{w}/weights_sklearn_default.bin")
print(f"machine: {platform.machine()} {os.cpu_count()} cores (shared), {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC; java threads {j['threads']}")
print(f"features agree: max |ours - numpy| = {np.abs(fj - fn).max():.2e} (max value {fn.max():.1f})")
print(f"LR weights: max |ours - sklearn(tol 1e-10)| / max|w| = {np.abs(wj - ws).max() / np.abs(ws).max():.2e}; vs sklearn default = {np.abs(wj - wd).max() / np.abs(ws).max():.2e}")
X = np.fromfile(f"{w}/X.bin").reshape(20000, 200); y = np.fromfile(f"{w}/y.bin", dtype='<i4')
Xs = (X - X.mean(0)) / X.std(0)
def grad(wb):
    z = Xs @ wb[:-1] + wb[-1]; r = 1 / (1 + np.exp(-z)) - y
    return max(np.abs(wb[:-1] + Xs.T @ r).max(), abs(r.sum()))
print(f"max |gradient| of 1/2|w|^2 + C*logloss at the solution: ours {grad(wj):.1e}, sklearn tol 1e-10 {grad(ws):.1e}, sklearn default {grad(wd):.1e}")
print()
print("| work | peer | peer s | ours s | peer/ours |")
print("|---|---|---|---|---|")
print(f"| radial features, 10,000 atoms x 200 | NumPy+cKDTree (vectorised) | {p['numpy_features_s']:.2f} | {j['java_features_s']:.2f} | {p['numpy_features_s']/j['java_features_s']:.1f}x |")
print(f"| LR train 20,000 x 200, C=1 | sklearn lbfgs default tol 1e-4 ({p['sklearn_default_iterations']} it) | {p['sklearn_default']:.2f} | {j['java_lr_s']:.2f} | {p['sklearn_default']/j['java_lr_s']:.1f}x |")
print(f"| LR train 20,000 x 200, C=1 | sklearn lbfgs tol 1e-10 ({p['sklearn_tol1e-10_iterations']} it) | {p['sklearn_tol1e-10']:.2f} | {j['java_lr_s']:.2f} | {p['sklearn_tol1e-10']/j['java_lr_s']:.1f}x |")
print(f"| LR train 20,000 x 200, C=1, ours without Tribuo (scaler + solver only) | sklearn lbfgs tol 1e-10 | {p['sklearn_tol1e-10']:.2f} | {j['java_lr_direct_s']:.2f} | {p['sklearn_tol1e-10']/j['java_lr_direct_s']:.1f}x |")
print(f"\ntrain accuracy: ours {j['java_lr_accuracy']:.4f} ({j['java_lr_iterations']} Newton it), sklearn {p['sklearn_tol1e-10_accuracy']:.4f}")
PYEOF
