#!/usr/bin/env python3
"""Writes a seeded N x K pred_probs .npy (float16 or float32) and its int64 labels for the upload benchmarks,
block by block (bounded memory at any N): row i's true class is i % K, ~5 % of the labels are wrong.
Usage: generate-upload-npy.py N K DTYPE FOLDER   -> FOLDER/pred_probs_NxK_DTYPE.npy, FOLDER/labels_N.npy"""
import os
import sys

import numpy as np
from numpy.lib import format as npformat

n, k, dtype, folder = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
os.makedirs(folder, exist_ok=True)
probs_path = os.path.join(folder, f"pred_probs_{n}x{k}_{dtype}.npy")
labels_path = os.path.join(folder, f"labels_{n}.npy")
rng = np.random.default_rng(42)
block = 250_000
probs = npformat.open_memmap(probs_path + ".tmp", mode="w+", dtype=dtype, shape=(n, k))
labels = np.empty(n, dtype=np.int64)
for start in range(0, n, block):
    rows = min(block, n - start)
    truth = np.arange(start, start + rows) % k
    values = rng.random((rows, k)) * 0.2
    values[np.arange(rows), truth] += 1 + rng.random(rows) * 8
    probs[start:start + rows] = values / values.sum(axis=1, keepdims=True)
    wrong = rng.random(rows) < 0.05
    shifted = (truth + 1 + rng.integers(0, k - 1, rows)) % k
    labels[start:start + rows] = np.where(wrong, shifted, truth)
probs.flush()
del probs
os.replace(probs_path + ".tmp", probs_path)
np.save(labels_path, labels)
print(probs_path, labels_path)
