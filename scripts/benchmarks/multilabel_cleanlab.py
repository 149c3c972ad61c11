"""Multi-label benchmark helper: `generate` writes seeded N×K inputs (labels.json, float32 pred_probs.npy, same recipe as
tests/reference/generate.py's make_multilabel); `run` times cleanlab 2.9.0 on them and prints wall time, peak RSS and
whether its output equals the CLI's.
Usage: python3 multilabel_cleanlab.py generate <dir> N K | run <cleanlab dir> <dir> <find|scores> [cli csv]
       | compare <dir> <find|scores> <cli csv>   (against the result `run` saved as <dir>/cleanlab-<find|scores>.npy)
"""
import json
import os
import resource
import sys
import time

import numpy as np


def generate(out, n, k, seed=20261206):
    rng = np.random.default_rng(seed)
    rates = rng.uniform(0.03, 0.35, size=k)
    p = np.empty((n, k), dtype=np.float32)
    labels = []
    for start in range(0, n, 100_000):  # in chunks: the float64 intermediates of 1M × 100 would need GBs
        m = min(100_000, n - start)
        truth = rng.random((m, k)) < rates
        truth[rng.random(m) < 0.05] = False
        given = truth ^ (rng.random((m, k)) < 0.08 * np.where(truth, 1.0, rates))
        logit = np.where(truth, 1.0, -1.0) * (1.0 + rng.gamma(2.0, 1.5, size=(m, 1))) + rng.normal(0, 1.2, size=(m, k))
        p[start:start + m] = 1 / (1 + np.exp(-logit))
        labels += [np.flatnonzero(row).tolist() for row in given]
    os.makedirs(out, exist_ok=True)
    np.save(os.path.join(out, "pred_probs.npy"), p)
    with open(os.path.join(out, "labels.json"), "w") as f:
        json.dump(labels, f, separators=(",", ":"))


def run(cleanlab_dir, data, what, cli_csv=None):
    sys.path.insert(0, cleanlab_dir)
    from cleanlab.multilabel_classification import filter as ml_filter, rank as ml_rank
    orig = np.argsort  # ties: the stable rule of docs/confident-learning.md, so the ranked lists are comparable
    np.argsort = lambda a, axis=-1, kind=None, order=None: orig(a, axis=axis, kind=kind or "stable", order=order)
    labels = json.load(open(os.path.join(data, "labels.json")))
    p = np.load(os.path.join(data, "pred_probs.npy"))
    start = time.perf_counter()
    cpu = cpu_seconds()
    if what == "find":
        result = ml_filter.find_label_issues(labels, p, return_indices_ranked_by="self_confidence")
    else:
        result = ml_rank.get_label_quality_scores(labels, p)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu = cpu_seconds() - cpu
    print(f"cleanlab {what}: {wall:.1f} s wall, {cpu:.1f} s CPU (user + sys) incl. worker processes (computation only, inputs loaded), "
          f"peak RSS {peak / 1024:.0f} MB, {len(result)} rows")
    np.save(os.path.join(data, f"cleanlab-{what}.npy"), np.asarray(result))
    if cli_csv:
        compare(data, what, cli_csv, result)


def cpu_seconds():
    return sum(getattr(resource.getrusage(who), field) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
               for field in ("ru_utime", "ru_stime"))


def compare(data, what, cli_csv, result=None):
    if result is None:
        result = np.load(os.path.join(data, f"cleanlab-{what}.npy"))
    cli = np.loadtxt(cli_csv, delimiter=",", skiprows=1, usecols=(0,) if what == "find" else (0, 1), ndmin=2)
    if what == "find":
        print(f"  same ranked indices as labelerrors: {np.array_equal(cli[:, 0].astype(np.int64), np.asarray(result))}")
    else:
        print(f"  max |score difference| to labelerrors: {np.max(np.abs(cli[:, 1] - result)):.3g} over {len(result)} scores, "
              f"bit-identical: {np.array_equal(cli[:, 1], result)}")

if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    elif sys.argv[1] == "compare":
        compare(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        run(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5] if len(sys.argv) > 5 else None)
