"""Benchmark input generator and cleanlab 2.9.0 side of the multi-annotator benchmark (docs/benchmarks.md).

python3 multiannotator_cleanlab.py make <dir> [N M K]   seeded inputs: <dir>/labels.csv (header a0..a{M-1}, empty = no
                                                         label), <dir>/pred_probs.npy (float64)
python3 multiannotator_cleanlab.py run <cleanlab dir> <dir> [consensus_method]
                                                         reads the same files, runs get_label_quality_multiannotator,
                                                         writes <dir>/cleanlab_lq.csv and cleanlab_stats.csv, prints
                                                         timings and the peak RSS of this process
python3 multiannotator_cleanlab.py compare <dir> <lq.csv> <stats.csv>
                                                         labelerrors' outputs against cleanlab_lq.csv/cleanlab_stats.csv
                                                         in <dir>: every column equal to the bit (read back as numbers)
"""

import resource
import sys
import time

import numpy as np


def make(out, n=200_000, m=50, k=10, seed=200_050):
    rng = np.random.default_rng(seed)
    true = rng.integers(0, k, n)
    accuracy = rng.uniform(0.5, 0.95, m)
    # each example is labelled by 3-7 of the M annotators (as in crowdsourcing), each right with its own accuracy
    labels = np.full((n, m), -1, dtype=np.int64)
    counts = rng.integers(3, 8, n)
    for i in range(n):
        who = rng.choice(m, size=counts[i], replace=False)
        right = rng.random(counts[i]) < accuracy[who]
        labels[i, who] = np.where(right, true[i], rng.integers(0, k, counts[i]))
    alpha = np.full((n, k), 0.3)
    alpha[np.arange(n), true] += 4.0
    pred_probs = rng.gamma(alpha)
    pred_probs /= pred_probs.sum(axis=1, keepdims=True)
    np.save(f"{out}/pred_probs.npy", pred_probs)
    with open(f"{out}/labels.csv", "w") as f:
        f.write(",".join(f"a{j}" for j in range(m)) + "\n")
        for row in labels:
            f.write(",".join("" if v < 0 else str(v) for v in row) + "\n")


def run(cleanlab_dir, out, consensus="best_quality"):
    sys.path.insert(0, cleanlab_dir)
    import pandas as pd
    from cleanlab.multiannotator import get_label_quality_multiannotator

    t0 = time.perf_counter()
    labels = pd.read_csv(f"{out}/labels.csv")
    pred_probs = np.load(f"{out}/pred_probs.npy")
    t1 = time.perf_counter()
    result = get_label_quality_multiannotator(labels, pred_probs, consensus_method=consensus, verbose=False)
    t2 = time.perf_counter()
    result["label_quality"].to_csv(f"{out}/cleanlab_lq.csv", index_label="index")
    result["annotator_stats"].to_csv(f"{out}/cleanlab_stats.csv", index_label="annotator")
    t3 = time.perf_counter()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"read {t1 - t0:.2f} s, get_label_quality_multiannotator {t2 - t1:.2f} s, write {t3 - t2:.2f} s, "
          f"total {t3 - t0:.2f} s, peak RSS {peak_mib:.0f} MiB")


def compare(out, lq_csv, stats_csv):
    import pandas as pd
    for ours, theirs in ((lq_csv, f"{out}/cleanlab_lq.csv"), (stats_csv, f"{out}/cleanlab_stats.csv")):
        a, b = pd.read_csv(ours), pd.read_csv(theirs)
        same = list(a.columns) == list(b.columns) and len(a) == len(b)
        for column in a.columns if same else []:
            x, y = a[column].to_numpy(), b[column].to_numpy()
            equal = np.array_equal(x, y) if x.dtype.kind in "OUS" else np.array_equal(x.astype(float), y.astype(float), equal_nan=True)
            if not equal:
                print(f"  {ours}: column {column} differs from cleanlab's")
                same = False
        print(f"  {ours}: {'equal to' if same else 'DIFFERENT from'} cleanlab's ({len(a)} rows)")


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], *map(int, sys.argv[3:6]))
    elif sys.argv[1] == "compare":
        compare(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        run(sys.argv[2], sys.argv[3], *sys.argv[4:5])
