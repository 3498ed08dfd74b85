"""The peers: a vectorised NumPy/SciPy radial-feature code and scikit-learn's StandardScaler + LogisticRegression."""
import sys, time, json, numpy as np
from scipy.spatial import cKDTree
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression
import warnings
warnings.filterwarnings("ignore")
out = sys.argv[1]
L = np.fromfile(f"{out}/box.bin", dtype='<f8')[0]
pos = np.fromfile(f"{out}/pos.bin", dtype='<f8').reshape(-1, 3)
sp = np.fromfile(f"{out}/species.bin", dtype='<i4')
n = len(sp)
dr, rc, width = 0.2, 10.0, 0.2
grid = dr * np.arange(1, int(round(rc / dr)) + 1)
g = len(grid)

def features():
    tree = cKDTree(pos, boxsize=L)
    pairs = tree.query_pairs(rc, output_type='ndarray')       # i < j, periodic
    d = pos[pairs[:, 1]] - pos[pairs[:, 0]]
    d -= L * np.round(d / L)
    r = np.sqrt((d * d).sum(1))
    # both directions: row i gets neighbour j's species block and vice versa
    rows = np.concatenate([pairs[:, 0], pairs[:, 1]])
    cols = np.concatenate([sp[pairs[:, 1]], sp[pairs[:, 0]]])
    rr = np.concatenate([r, r])
    G = np.zeros((n, 4 * g))
    key = rows * 4 + cols
    order = np.argsort(key, kind='stable')
    key, rr = key[order], rr[order]
    chunk = 400000
    for s in range(0, len(rr), chunk):
        e = min(len(rr), s + chunk)
        vals = np.exp(-(rr[s:e, None] - grid[None, :]) ** 2 / (2 * width * width))
        k = key[s:e]
        starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
        sums = np.add.reduceat(vals, starts, axis=0)
        u = k[starts]
        G.reshape(n, 4, g)[u // 4, u % 4, :] += sums
    return G

t = time.perf_counter(); G = features(); t_feat = time.perf_counter() - t
G.astype('<f8').tofile(f"{out}/features_numpy.bin")

X = np.fromfile(f"{out}/X.bin", dtype='<f8').reshape(20000, 200)
y = np.fromfile(f"{out}/y.bin", dtype='<i4')
def fit(tol, max_iter):
    sc = StandardScaler().fit(X)
    return sc, LogisticRegression(C=1.0, tol=tol, max_iter=max_iter).fit(sc.transform(X), y)
times = {}
for name, tol, mi in [("sklearn_default", 1e-4, 100), ("sklearn_tol1e-10", 1e-10, 100000)]:
    best = 1e9
    for _ in range(3):
        t = time.perf_counter(); sc, m = fit(tol, mi); best = min(best, time.perf_counter() - t)
    times[name] = best
    np.array(list(m.coef_[0]) + [m.intercept_[0]], dtype='<f8').tofile(f"{out}/weights_{name}.bin")
    times[name + "_accuracy"] = float(m.score(sc.transform(X), y))
    times[name + "_iterations"] = int(m.n_iter_[0])
print(json.dumps({"numpy_features_s": t_feat, **times}))
