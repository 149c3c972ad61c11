"""Reference outputs of cleanlab 2.9.0's pred_probs-based outlier scores and Datalab's outlier / class_imbalance rules.

Usage: python3 generate.py <dir containing the cleanlab package> [<label-errors data dir>]

Per case (<case>/inputs/labels.npy int64, pred_probs.npy float64, float32 or float16), in <case>/cleanlab-2.9.0/:
  ood_scores.csv        index,score  = cleanlab.outlier.OutOfDistribution().fit_score(pred_probs=, labels=)
                        (only where Datalab is not run; else outlier_issues.csv's score column is the same array)
  outlier_issues.csv    index,score,is_outlier  = OutlierIssueManager(datalab).find_issues(pred_probs=) (Datalab's default outlier check)
  class_imbalance.csv   index,score,is_issue    = ClassImbalanceIssueManager(datalab).find_issues()
  summary.json          issue_threshold, rarest class, counts
The Datalab outputs are only written where every class of pred_probs occurs in labels (Datalab renumbers the
classes that occur, which would shift columns otherwise); the generator checks that Datalab's outlier flags equal
scores < 0.13 * median(scores) computed from ood_scores.
Floats: repr() of the float64 value (float32 scores widened exactly).
"""

import json
import os
import sys

import numpy as np

sys.path.insert(0, sys.argv[1])
import cleanlab  # noqa: E402
from cleanlab.outlier import OutOfDistribution  # noqa: E402
from cleanlab.datalab.internal.issue_manager.imbalance import ClassImbalanceIssueManager  # noqa: E402
from cleanlab.datalab.internal.issue_manager.outlier import OutlierIssueManager  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[2] if len(sys.argv) > 2 else None


class DatalabStandIn:
    """What the two issue managers read from a Datalab: Datalab itself needs the `datasets` package, absent here.
    Labels are renumbered as Datalab does (sorted distinct values -> 0..K'-1), the identity when all classes occur."""

    def __init__(self, labels):
        self.class_names = np.unique(labels)
        self.labels = np.searchsorted(self.class_names, labels)
        self._label_map = {i: int(c) for i, c in enumerate(self.class_names)}

    def get_info(self, name):
        return {}


def write_csv(path, header, rows):
    with open(path, "w", newline="\n") as f:
        f.write(",".join(header) + "\n")
        for row in rows:
            f.write(",".join(row) + "\n")


def run(case, labels, pred_probs, store_inputs=True):
    inputs = os.path.join(HERE, case, "inputs")
    out = os.path.join(HERE, case, "cleanlab-2.9.0")
    os.makedirs(inputs, exist_ok=True)
    os.makedirs(out, exist_ok=True)
    if store_inputs:
        np.save(os.path.join(inputs, "labels.npy"), labels.astype(np.int64))
        np.save(os.path.join(inputs, "pred_probs.npy"), pred_probs)

    scores = OutOfDistribution().fit_score(pred_probs=pred_probs, labels=labels, verbose=False)
    if len(np.unique(labels)) != pred_probs.shape[1]:  # else outlier_issues.csv holds the same scores
        write_csv(os.path.join(out, "ood_scores.csv"), ["index", "score"],
                  [[str(i), repr(float(s))] for i, s in enumerate(scores)])
    summary = {"cleanlab": cleanlab.__version__, "numpy": np.__version__, "N": len(labels), "K": pred_probs.shape[1],
               "dtype": str(pred_probs.dtype), "score_dtype": str(scores.dtype)}

    if len(np.unique(labels)) == pred_probs.shape[1]:
        stand_in = DatalabStandIn(labels)
        outlier = OutlierIssueManager(stand_in)
        outlier.find_issues(pred_probs=pred_probs)
        issues = outlier.issues
        threshold = outlier.info["issue_threshold"]
        mine = scores < 0.13 * np.median(scores)
        assert (issues["is_outlier_issue"].to_numpy() == mine).all(), case
        assert (issues["outlier_score"].to_numpy() == scores).all(), case
        write_csv(os.path.join(out, "outlier_issues.csv"), ["index", "score", "is_outlier"],
                  [[str(i), repr(float(s)), str(bool(f)).lower()]
                   for i, (s, f) in enumerate(zip(issues["outlier_score"], issues["is_outlier_issue"]))])
        imbalance = ClassImbalanceIssueManager(stand_in)
        imbalance.find_issues()
        imb = imbalance.issues
        write_csv(os.path.join(out, "class_imbalance.csv"), ["index", "score", "is_issue"],
                  [[str(i), repr(float(s)), str(bool(f)).lower()]
                   for i, (s, f) in enumerate(zip(imb["class_imbalance_score"], imb["is_class_imbalance_issue"]))])
        summary.update({
            "outlier_issue_threshold": repr(float(threshold)),
            "outlier_count": int(issues["is_outlier_issue"].sum()),
            "class_imbalance_rarest_class": imbalance.info["Rarest Class"],
            "class_imbalance_count": int(imb["is_class_imbalance_issue"].sum()),
        })
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)


def synthetic(n, k, seed, prior=None, missing_class=None):
    rng = np.random.default_rng(seed)
    prior = np.full(k, 1 / k) if prior is None else np.asarray(prior)
    true = rng.choice(k, size=n, p=prior)
    alpha = np.full((n, k), 0.4)
    alpha[np.arange(n), true] += rng.gamma(2.0, 2.0, n)
    # a few rows close to uniform: what an out-of-distribution example looks like to a classifier
    odd = rng.choice(n, size=max(2, n // 50), replace=False)
    alpha[odd] = 50.0
    pred_probs = np.stack([rng.dirichlet(a) for a in alpha])
    labels = np.where(rng.random(n) < 0.1, rng.integers(0, k, n), true)
    if missing_class is not None:
        labels[labels == missing_class] = (missing_class + 1) % k
    return labels.astype(np.int64), pred_probs


if __name__ == "__main__":
    labels, p = synthetic(1000, 5, 1005)
    run("synthetic_N1000_K5_float64", labels, p)
    run("synthetic_N1000_K5_float32", labels, p.astype(np.float32))
    run("synthetic_N1000_K5_float16", labels, p.astype(np.float16))
    labels, p = synthetic(800, 4, 804, prior=[0.01, 0.33, 0.33, 0.33])
    run("synthetic_N800_K4_imbalanced", labels, p)
    labels, p = synthetic(600, 6, 606, missing_class=2)
    run("synthetic_N600_K6_missing_class", labels, p)
    labels, p = synthetic(301, 3, 303)
    p = np.round(p * 4) / 4  # coarse values: tied scores and an exact median
    p[:, 0] = 1 - p[:, 1] - p[:, 2]
    p = np.clip(p, 0, 1)
    p /= p.sum(axis=1, keepdims=True)
    run("synthetic_N301_K3_ties", labels, p)
    if DATA:
        labels = np.load(os.path.join(DATA, "original_test_labels", "cifar10_test_set_original_labels.npy")).astype(np.int64)
        pyx = np.load(os.path.join(DATA, "cross_validated_predicted_probabilities", "cifar10_test_set_pyx.npy")).astype(np.float64)
        run("cifar10", labels, pyx, store_inputs=False)  # inputs: the study's files (shared/data/label-errors)
