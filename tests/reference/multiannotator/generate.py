"""Reference outputs of cleanlab 2.9.0's multiannotator module (CROWDLAB, majority vote, ActiveLab).

Usage: python3 generate.py <dir containing the cleanlab package> [<label-errors data dir>]
e.g.   python3 generate.py /work/cleanlab-2.9.0 /work/shared/data/label-errors

Writes one folder per case next to this script:
  <case>/inputs/labels_multiannotator.csv   header = annotator ids, one row per example, empty cell = no label
  <case>/inputs/pred_probs.npy              float64 N x K (exact array passed)
  <case>/inputs/pred_probs_unlabeled.npy    float64, for get_active_learning_scores(pred_probs_unlabeled=...)
  <case>/cleanlab-2.9.0/...                 outputs, see README.md
Floats are written with repr() (shortest round-trip), NaN as "nan".
Cases where cleanlab would break a tie at random (np.random.choice) are regenerated, so every output is deterministic.
"""

import json
import os
import sys
import warnings

import numpy as np
import pandas as pd

sys.path.insert(0, sys.argv[1])
import cleanlab  # noqa: E402
from cleanlab import multiannotator as ma  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[2] if len(sys.argv) > 2 else None


def fmt(x):
    x = float(x)
    return "nan" if np.isnan(x) else repr(x)


def write_csv(path, header, rows):
    with open(path, "w", newline="\n") as f:
        f.write(",".join(header) + "\n")
        for row in rows:
            f.write(",".join(row) + "\n")


def write_inputs(case, labels, ids, pred_probs, unlabeled):
    d = os.path.join(HERE, case, "inputs")
    os.makedirs(d, exist_ok=True)
    rows = [["" if np.isnan(v) else str(int(v)) for v in r] for r in labels]
    write_csv(os.path.join(d, "labels_multiannotator.csv"), ids, rows)
    np.save(os.path.join(d, "pred_probs.npy"), pred_probs)
    np.save(os.path.join(d, "pred_probs_unlabeled.npy"), unlabeled)


def has_random_tie(labels, pred_probs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ma.get_majority_vote_label(labels, pred_probs, verbose=False)
    return any("random selection" in str(w.message) for w in caught)


def outputs(case, labels, ids, pred_probs, unlabeled):
    out = os.path.join(HERE, case, "cleanlab-2.9.0")
    os.makedirs(out, exist_ok=True)
    df = pd.DataFrame(labels, columns=ids)
    n = len(labels)
    summary = {"cleanlab": cleanlab.__version__, "numpy": np.__version__, "pandas": pd.__version__,
               "N": n, "M": len(ids), "K": pred_probs.shape[1], "files": {}}

    mv = ma.get_majority_vote_label(df, pred_probs, verbose=False)
    write_csv(os.path.join(out, "get_majority_vote_label.csv"), ["index", "label"],
              [[str(i), str(int(v))] for i, v in enumerate(mv)])
    summary["files"]["get_majority_vote_label.csv"] = "get_majority_vote_label(labels_multiannotator, pred_probs)"
    mv0 = ma.get_majority_vote_label(df, None, verbose=False) if not has_random_tie(labels, None) else None
    if mv0 is not None:
        write_csv(os.path.join(out, "get_majority_vote_label__pred_probs=None.csv"), ["index", "label"],
                  [[str(i), str(int(v))] for i, v in enumerate(mv0)])
        summary["files"]["get_majority_vote_label__pred_probs=None.csv"] = "get_majority_vote_label(labels_multiannotator)"

    for consensus in ["best_quality", "majority_vote"]:
        for quality in ["crowdlab", "agreement"]:
            name = f"consensus_method={consensus}__quality_method={quality}"
            res = ma.get_label_quality_multiannotator(
                df, pred_probs, consensus_method=consensus, quality_method=quality,
                return_weights=(quality == "crowdlab"), verbose=False)
            lq = res["label_quality"]
            write_csv(os.path.join(out, f"label_quality__{name}.csv"),
                      ["index", "consensus_label", "consensus_quality_score", "annotator_agreement", "num_annotations"],
                      [[str(i), str(int(r.consensus_label)), fmt(r.consensus_quality_score), fmt(r.annotator_agreement),
                        str(int(r.num_annotations))] for i, r in enumerate(lq.itertuples())])
            dq = res["detailed_label_quality"].to_numpy()
            write_csv(os.path.join(out, f"detailed_label_quality__{name}.csv"), ["index"] + list(ids),
                      [[str(i)] + [fmt(v) for v in row] for i, row in enumerate(dq)])
            st = res["annotator_stats"]
            write_csv(os.path.join(out, f"annotator_stats__{name}.csv"),
                      ["annotator", "annotator_quality", "agreement_with_consensus", "worst_class", "num_examples_labeled"],
                      [[str(a), fmt(r.annotator_quality), fmt(r.agreement_with_consensus), str(int(r.worst_class)),
                        str(int(r.num_examples_labeled))] for a, r in zip(st.index, st.itertuples())])
            if quality == "crowdlab":
                with open(os.path.join(out, f"weights__{name}.json"), "w") as f:
                    json.dump({"model_weight": fmt(res["model_weight"]),
                               "annotator_weight": [fmt(w) for w in res["annotator_weight"]]}, f, indent=1)
            summary["files"][name] = (f"get_label_quality_multiannotator(labels_multiannotator, pred_probs, "
                                      f"consensus_method='{consensus}', quality_method='{quality}'"
                                      + (", return_weights=True)" if quality == "crowdlab" else ")"))

    scores, scores_unlabeled = ma.get_active_learning_scores(df, pred_probs, unlabeled)
    write_csv(os.path.join(out, "get_active_learning_scores.csv"), ["index", "score"],
              [[str(i), fmt(v)] for i, v in enumerate(scores)])
    write_csv(os.path.join(out, "get_active_learning_scores__unlabeled.csv"), ["index", "score"],
              [[str(i), fmt(v)] for i, v in enumerate(scores_unlabeled)])
    summary["files"]["get_active_learning_scores"] = "get_active_learning_scores(labels_multiannotator, pred_probs, pred_probs_unlabeled)"
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)


def dirichlet_probs(rng, true, k, sharpness):
    alpha = np.full(k, 0.3)
    alpha[true] += sharpness
    return rng.dirichlet(alpha)


def synthetic(case, n, m, k, seed, coverage, accuracy_range, coarse=False, single_label_rows=0.0, loner=False, float32=False):
    """Annotator j labels each example with probability coverage[j] and is right with its own accuracy."""
    rng = np.random.default_rng(seed)
    while True:
        true = rng.integers(0, k, n)
        acc = rng.uniform(*accuracy_range, m)
        cover = np.full(m, coverage) if np.isscalar(coverage) else np.asarray(coverage)
        labels = np.full((n, m), np.nan)
        for i in range(n):
            for j in range(m):
                if rng.random() < cover[j]:
                    labels[i, j] = true[i] if rng.random() < acc[j] else rng.integers(0, k)
            if np.isnan(labels[i]).all() or rng.random() < single_label_rows:
                keep = rng.integers(0, m)
                labels[i] = np.nan
                labels[i, keep] = true[i] if rng.random() < acc[keep] else rng.integers(0, k)
        if loner:
            # the last annotator only labels examples nobody else labelled (cleanlab imputes its agreement)
            labels[:, -1] = np.nan
            for i in rng.choice(n, size=max(3, n // 20), replace=False):
                labels[i] = np.nan
                labels[i, -1] = true[i]
            for i in np.where(np.isnan(labels).all(axis=1))[0]:
                labels[i, 0] = true[i] if rng.random() < acc[0] else rng.integers(0, k)
        if np.isnan(labels).all(axis=0).any():
            continue
        if coarse:
            # values on a 0.1 grid: many exact ties in pred_probs and in the posterior
            raw = np.stack([dirichlet_probs(rng, t, k, 2.0) for t in true])
            pred_probs = np.round(raw * 10) / 10
            pred_probs[:, 0] += 1 - pred_probs.sum(axis=1)
            pred_probs = np.clip(pred_probs, 0, 1)
            pred_probs /= pred_probs.sum(axis=1, keepdims=True)
        else:
            pred_probs = np.stack([dirichlet_probs(rng, t, k, 4.0) for t in true])
        unlabeled = np.stack([dirichlet_probs(rng, t, k, 3.0) for t in rng.integers(0, k, max(5, n // 10))])
        if float32:
            # numpy then multiplies the prior by the model weight in float32; ActiveLab scales in float32 too
            pred_probs = pred_probs.astype(np.float32)
            unlabeled = unlabeled.astype(np.float32)
        if has_random_tie(labels, pred_probs) or has_random_tie(labels, None):
            seed += 1000
            rng = np.random.default_rng(seed)
            continue
        ids = [f"a{j}" for j in range(m)]
        write_inputs(case, labels, ids, pred_probs, unlabeled)
        outputs(case, labels, ids, pred_probs, unlabeled)
        return


def cifar10_mturk():
    """The study's 275 checked CIFAR-10 examples: the original label as annotator 'original', then 5 workers.

    The study only published vote counts (given, guessed, both, neither), not worker ids, so worker slots are filled
    in a fixed order: 'given' votes (the original label), then 'guessed' (the suggested label); 'both' and 'neither'
    give no class (empty cell)."""
    items = json.load(open(os.path.join(DATA, "mturk", "cifar10_mturk.json")))
    pyx = np.load(os.path.join(DATA, "cross_validated_predicted_probabilities", "cifar10_test_set_pyx.npy")).astype(np.float64)
    ids = ["original", "w1", "w2", "w3", "w4", "w5"]
    labels = np.full((len(items), 6), np.nan)
    rows = []
    for r, item in enumerate(items):
        labels[r, 0] = item["given_original_label"]
        votes = ([item["given_original_label"]] * item["mturk"]["given"]
                 + [item["our_guessed_label"]] * item["mturk"]["guessed"])
        for s, v in enumerate(votes[:5]):
            labels[r, 1 + s] = v
        rows.append(item["id"])
    pred_probs = pyx[rows]
    others = np.setdiff1d(np.arange(len(pyx)), rows)[:50]
    unlabeled = pyx[others]
    if has_random_tie(labels, pred_probs):
        raise SystemExit("cifar10_mturk: random tie, cannot make a deterministic reference")
    write_inputs("cifar10_mturk", labels, ids, pred_probs, unlabeled)
    with open(os.path.join(HERE, "cifar10_mturk", "inputs", "example_ids.json"), "w") as f:
        json.dump({"test_set_index": rows, "unlabeled_test_set_index": others.tolist()}, f)
    outputs("cifar10_mturk", labels, ids, pred_probs, unlabeled)


if __name__ == "__main__":
    synthetic("synthetic_N500_M5_K4", 500, 5, 4, seed=501, coverage=0.6, accuracy_range=(0.55, 0.95))
    synthetic("synthetic_N500_M5_K4_float32", 500, 5, 4, seed=501, coverage=0.6, accuracy_range=(0.55, 0.95), float32=True)
    synthetic("synthetic_N300_M8_K3_ties", 300, 8, 3, seed=308, coverage=0.3, accuracy_range=(0.4, 0.9), coarse=True)
    synthetic("synthetic_N200_M4_K10_sparse", 200, 4, 10, seed=204, coverage=[0.5, 0.4, 0.3, 0.2],
              accuracy_range=(0.5, 0.9), single_label_rows=0.2, loner=True)
    synthetic("synthetic_N2000_M20_K10", 2000, 20, 10, seed=2020, coverage=0.12, accuracy_range=(0.5, 0.95))
    if DATA:
        cifar10_mturk()
