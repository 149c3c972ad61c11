"""Reference outputs of cleanlab 2.9.0 for LabelErrors.Core's float16 scores and multi-label functions.

Usage (Debian's python3 with numpy 1.24.2 / scipy 1.10.1 / scikit-learn 1.2.1):
    python3 generate.py <dir containing the cleanlab/ package of v2.9.0> [<study data dir>]
The study data dir defaults to ../../../shared/data/label-errors (relative to this file). Outputs are written
next to this file: float16/<set>/ and multilabel/<set>/ (see README.md). Every call runs with numpy.argsort patched
to kind='stable' (the tie rule of docs/confident-learning.md), with n_jobs=1 (results do not depend on it).
"""
import contextlib
import json
import os
import sys
import warnings

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, sys.argv[1])
DATA = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "..", "..", "shared", "data", "label-errors")

import cleanlab  # noqa: E402
from cleanlab import filter as cl_filter, rank as cl_rank  # noqa: E402
from cleanlab.multilabel_classification import filter as ml_filter, rank as ml_rank  # noqa: E402

warnings.simplefilter("ignore")
METHODS = ["self_confidence", "normalized_margin", "confidence_weighted_entropy"]
FILTERS = ["prune_by_noise_rate", "prune_by_class", "both", "confident_learning", "predicted_neq_given",
           "low_normalized_margin", "low_self_confidence"]


@contextlib.contextmanager
def stable_argsort():
    orig = np.argsort

    def patched(a, axis=-1, kind=None, order=None):
        return orig(a, axis=axis, kind=kind or "stable", order=order)

    np.argsort = patched
    try:
        yield
    finally:
        np.argsort = orig


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=None, separators=(",", ":"))
        f.write("\n")


def write_indices(path, call, result):
    result = np.asarray(result)
    indices = np.flatnonzero(result).tolist() if result.dtype == bool else result.tolist()
    write_json(path, {"call": call, "order": "mask" if result.dtype == bool else "ranked", "count": len(indices),
                      "indices": indices})


def write_scores(path, scores):
    scores = np.asarray(scores)
    with open(path, "w") as f:
        f.write(f"# dtype={scores.dtype}\nindex,score\n")
        for i, s in enumerate(scores):
            f.write(f"{i},{repr(float(s))}\n")


def make_synthetic(n, k, seed):
    """Single-label noisy data (same recipe as shared/reference/generate.py's make_synthetic)."""
    rng = np.random.default_rng(seed)
    prior = rng.dirichlet(np.full(k, 5.0))
    y = rng.choice(k, size=n, p=prior)
    r = rng.uniform(0.05, 0.15, size=k)
    conf = np.zeros((k, k))
    for j in range(k):
        conf[j, np.arange(k) != j] = rng.dirichlet(np.full(k - 1, 0.3))
    flip = rng.random(n) < r[y]
    u = rng.random(n)
    newlab = np.minimum((u[:, None] > np.cumsum(conf, axis=1)[y]).sum(axis=1), k - 1)
    newlab = np.where(newlab == y, (y + 1) % k, newlab)
    labels = np.where(flip, newlab, y).astype(np.int64)
    alpha = 0.05 + 2.0 * conf[y]
    alpha[np.arange(n), y] += rng.gamma(2.0, 3.0, size=n)
    g = rng.gamma(alpha)
    p = g / g.sum(axis=1, keepdims=True)
    p = 0.999 * p + 0.001 / k
    return labels, p / p.sum(axis=1, keepdims=True)


# ----------------------------------------------------------------------------- float16 (issue 15)
def float16_set(name, labels, pred_probs):
    out = os.path.join(HERE, "float16", name)
    os.makedirs(os.path.join(out, "inputs"), exist_ok=True)
    np.save(os.path.join(out, "inputs", "labels.npy"), labels.astype(np.int64))
    np.save(os.path.join(out, "inputs", "pred_probs.npy"), pred_probs)
    summary = {"cleanlab": cleanlab.__version__, "numpy": np.__version__, "N": int(len(labels)),
               "K": int(pred_probs.shape[1]), "pred_probs_dtype": str(pred_probs.dtype), "dtypes": {}, "counts": {}}
    with stable_argsort():
        for m in METHODS:
            for adjust in ([False, True] if m != "confidence_weighted_entropy" else [False]):
                s = cl_rank.get_label_quality_scores(labels, pred_probs, method=m, adjust_pred_probs=adjust)
                fname = f"get_label_quality_scores__method={m}" + ("__adjust_pred_probs=True" if adjust else "") + ".csv"
                write_scores(os.path.join(out, fname), s)
                summary["dtypes"][fname] = str(s.dtype)
            r = cl_filter.find_label_issues(labels, pred_probs, return_indices_ranked_by=m, n_jobs=1)
            fname = f"find_label_issues__return_indices_ranked_by={m}.json"
            write_indices(os.path.join(out, fname), f"find_label_issues(labels, pred_probs, return_indices_ranked_by='{m}')", r)
            summary["counts"][fname] = len(r)
        for f in FILTERS:
            r = cl_filter.find_label_issues(labels, pred_probs, filter_by=f, n_jobs=1)
            fname = f"find_label_issues__filter_by={f}.json"
            write_indices(os.path.join(out, fname), f"find_label_issues(labels, pred_probs, filter_by='{f}')", r)
            summary["counts"][fname] = int(r.sum())
    write_json(os.path.join(out, "summary.json"), summary)


def float16_sets():
    labels, p = make_synthetic(6000, 10, seed=1610)
    float16_set("synthetic_N6000_K10", labels, p.astype(np.float16))
    # a class absent from the labels: cleanlab's threshold 2 (an int) promotes the adjusted pred_probs to float64
    labels, p = make_synthetic(3000, 6, seed=1606)
    labels = np.where(labels == 5, 0, labels)
    float16_set("synthetic_N3000_K6_missing_class", labels, p.astype(np.float16))
    cifar_labels = np.load(os.path.join(DATA, "original_test_labels", "cifar10_test_set_original_labels.npy")).astype(np.int64)
    cifar_p = np.load(os.path.join(DATA, "cross_validated_predicted_probabilities", "cifar10_test_set_pyx.npy"))
    float16_set("cifar10", cifar_labels, cifar_p.astype(np.float16))


# ----------------------------------------------------------------------------- multi-label (issue 16)
def make_multilabel(n, k, seed, dtype, empty_fraction=0.05):
    """Seeded multi-label data: true label sets from per-class rates, ~8% of (example, class) pairs flipped,
    pred_probs independent per class (sigmoid of a noisy logit; rows need not sum to 1)."""
    rng = np.random.default_rng(seed)
    rates = rng.uniform(0.03, 0.35, size=k)
    truth = rng.random((n, k)) < rates
    truth[rng.random(n) < empty_fraction] = False
    flip = rng.random((n, k)) < 0.08 * np.where(truth, 1.0, rates)
    given = truth ^ flip
    strength = rng.gamma(2.0, 1.5, size=(n, 1))
    logit = np.where(truth, 1.0, -1.0) * (1.0 + strength) + rng.normal(0, 1.2, size=(n, k))
    p = 1 / (1 + np.exp(-logit))
    labels = [np.flatnonzero(row).tolist() for row in given]
    return labels, p.astype(dtype)


def multilabel_set(name, labels, pred_probs, per_class_scores=True):
    out = os.path.join(HERE, "multilabel", name)
    os.makedirs(os.path.join(out, "inputs"), exist_ok=True)
    write_json(os.path.join(out, "inputs", "labels.json"), labels)
    np.save(os.path.join(out, "inputs", "pred_probs.npy"), pred_probs)
    k = pred_probs.shape[1]
    summary = {"cleanlab": cleanlab.__version__, "numpy": np.__version__, "N": len(labels), "K": int(k),
               "pred_probs_dtype": str(pred_probs.dtype), "counts": {}}
    ntr = [c % 4 + 1 for c in range(k)]
    with stable_argsort():
        calls = [(f"filter_by={f}", dict(filter_by=f)) for f in FILTERS]
        calls += [(f"return_indices_ranked_by={m}", dict(return_indices_ranked_by=m)) for m in METHODS]
        calls += [(f"filter_by={f}__return_indices_ranked_by=normalized_margin",
                   dict(filter_by=f, return_indices_ranked_by="normalized_margin"))
                  for f in ["low_self_confidence", "both", "predicted_neq_given"]]
        calls += [("frac_noise=0.5", dict(frac_noise=0.5)), ("min_examples_per_class=5", dict(min_examples_per_class=5)),
                  ("filter_by=prune_by_class__num_to_remove_per_class", dict(filter_by="prune_by_class", num_to_remove_per_class=ntr)),
                  ("filter_by=both__num_to_remove_per_class", dict(filter_by="both", num_to_remove_per_class=ntr))]
        for tag, kw in calls:
            fname = f"find_label_issues__{tag}.json"
            obj = {"call": f"multilabel_classification.filter.find_label_issues(labels, pred_probs, **{kw})"}
            try:
                r = ml_filter.find_label_issues(labels, pred_probs, n_jobs=1, **kw)
            except ValueError as e:  # e.g. predicted_neq_given refuses a class that every example has, or none
                obj["error"] = str(e)
                write_json(os.path.join(out, fname), obj)
                summary["counts"][fname] = "error"
                continue
            r = np.asarray(r)
            obj["order"] = "mask" if r.dtype == bool else "ranked"
            obj["indices"] = (np.flatnonzero(r) if r.dtype == bool else r).tolist()
            obj["count"] = len(obj["indices"])
            write_json(os.path.join(out, fname), obj)
            summary["counts"][fname] = obj["count"]
        for tag, kw in [("", {}), ("__filter_by=confident_learning", dict(filter_by="confident_learning")),
                        ("__return_indices_ranked_by=self_confidence", dict(return_indices_ranked_by="self_confidence"))]:
            r = ml_filter.find_multilabel_issues_per_class(labels, pred_probs, n_jobs=1, **kw)
            obj = {"call": f"multilabel_classification.filter.find_multilabel_issues_per_class(labels, pred_probs, **{kw})"}
            if isinstance(r, np.ndarray):
                obj["order"] = "mask"
                obj["per_class"] = [np.flatnonzero(r[:, c]).tolist() for c in range(k)]
            else:
                obj["order"] = "ranked"
                obj["per_class"] = [np.asarray(x).tolist() for x in r[0]]
            write_json(os.path.join(out, f"find_multilabel_issues_per_class{tag}.json"), obj)
        for m in METHODS:
            for adjust in ([False, True] if m != "confidence_weighted_entropy" else [False]):
                suffix = f"method={m}" + ("__adjust_pred_probs=True" if adjust else "")
                s = ml_rank.get_label_quality_scores(labels, pred_probs, method=m, adjust_pred_probs=adjust)
                write_scores(os.path.join(out, f"get_label_quality_scores__{suffix}.csv"), s)
                if per_class_scores:
                    pc = ml_rank.get_label_quality_scores_per_class(labels, pred_probs, method=m, adjust_pred_probs=adjust)
                    with open(os.path.join(out, f"get_label_quality_scores_per_class__{suffix}.csv"), "w") as f:
                        f.write(f"# dtype={pc.dtype}\nindex," + ",".join(f"class_{c}" for c in range(k)) + "\n")
                        for i, row in enumerate(pc):
                            f.write(f"{i}," + ",".join(repr(float(v)) for v in row) + "\n")
    write_json(os.path.join(out, "summary.json"), summary)


def audioset_like():
    """The study's AudioSet given labels (first 1500 examples, 527 classes) with seeded float16 pred_probs built
    from the study's predicted label sets (the study released no AudioSet pred_probs)."""
    given = np.load(os.path.join(DATA, "original_test_labels", "audioset_eval_set_original_labels.npy"), allow_pickle=True)
    predicted = np.load(os.path.join(DATA, "cross_validated_predicted_labels", "audioset_eval_set_pyx_argmax_predicted_labels.npy"), allow_pickle=True)
    n, k = 1500, 527
    rng = np.random.default_rng(527)
    logit = rng.normal(-5.0, 1.5, size=(n, k))
    for i in range(n):
        logit[i, np.asarray(predicted[i], dtype=np.int64)] = rng.normal(2.0, 1.5, size=len(predicted[i]))
    p = (1 / (1 + np.exp(-logit))).astype(np.float16)
    labels = [sorted(int(c) for c in given[i]) for i in range(n)]
    multilabel_set("audioset_like_N1500_K527_float16", labels, p, per_class_scores=False)


def multilabel_sets():
    for n, k, seed, dtype in [(400, 4, 4004, np.float64), (2000, 12, 2012, np.float64), (2000, 12, 2012, np.float32),
                              (1500, 8, 1508, np.float16), (5000, 20, 5020, np.float64)]:
        labels, p = make_multilabel(n, k, seed, dtype)
        multilabel_set(f"synthetic_N{n}_K{k}_{np.dtype(dtype).name}", labels, p, per_class_scores=n * k <= 12000)
    audioset_like()


def numpy_log_float32():
    """np.log on float32 (numpy's own SIMD kernel, not correctly rounded): inputs and outputs as bit patterns."""
    rng = np.random.default_rng(32)
    x = np.concatenate([rng.uniform(1, 3, 3000), rng.uniform(0, 1, 1000), 10 ** rng.uniform(-40, 38, 1000)]).astype(np.float32)
    x = np.concatenate([x, rng.integers(1, 0x7F800000, 1000).astype(np.uint32).view(np.float32)])
    y = np.log(x)
    os.makedirs(os.path.join(HERE, "numpy"), exist_ok=True)
    with open(os.path.join(HERE, "numpy", "log_float32.csv"), "w") as f:
        f.write(f"# numpy {np.__version__} np.log on float32, bit patterns (hex)\nx,log_x\n")
        for a, b in zip(x.view(np.uint32), y.view(np.uint32)):
            f.write(f"{a:08x},{b:08x}\n")


def numpy_sums():
    """np.sum and np.mean of 1-D arrays around numpy's 8192-element reduction buffer: inputs (.npy) and results as bits."""
    rng = np.random.default_rng(8192)
    folder = os.path.join(HERE, "numpy", "sums")
    os.makedirs(folder, exist_ok=True)
    rows = []
    for dtype in (np.float64, np.float32, np.float16):
        for n in (7, 100, 8192, 8193, 20000, 50003):
            x = rng.uniform(0, 1, n).astype(dtype)
            name = f"{np.dtype(dtype).name}_{n}.npy"
            np.save(os.path.join(folder, name), x)
            # A transposed (Fortran-ordered) matrix is summed in memory order: the same as its flat data.
            side = int(np.sqrt(n))
            if side > 1:
                m = x[: side * side].reshape(side, side)
                assert np.sum(m.T) == np.sum(m.ravel())
            bits = {np.float64: "u8", np.float32: "u4", np.float16: "u2"}[dtype]
            total, mean = np.sum(x), np.mean(x)
            rows.append(f"{name},{total.dtype.name},{int(np.array(total).view(bits)):x},{mean.dtype.name},{int(np.array(mean).view(bits)):x}")
    with open(os.path.join(folder, "sums.csv"), "w") as f:
        f.write(f"# numpy {np.__version__}: np.sum(x) and np.mean(x), result dtypes and bit patterns (hex)\nfile,sum_dtype,sum,mean_dtype,mean\n")
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    numpy_sums()
    numpy_log_float32()
    float16_sets()
    multilabel_sets()
