#!/usr/bin/env python3
"""Independent re-implementation of the Eoi.Reference RNG and EOI procedure (docs/SPEC.md), in NumPy.

  eoi_reference.py words SEED N                 first N 32-bit words of the stream of RngKey.FromSeed(SEED)
  eoi_reference.py draws SEED N BOUND           N bounded integers in [0, BOUND), then N uniform doubles (hex)
  eoi_reference.py split SEED INDEX             the child key (k0, k1) of RngKey.FromSeed(SEED).Split(INDEX)
  eoi_reference.py eoi ROWS COLS DENSITY SEED   rotation count, nnz and SHA-256 of the float64 EOI matrix
  eoi_reference.py golden FILE                  checks every paper-rule case of a golden-vectors.json
  eoi_reference.py conformance DIR              replays every plan of an `eoi conformance export` kit and
                                                compares the float64 and float32 .npy files bit for bit
"""
import hashlib, json, math, sys
import numpy as np

M0, M1, W0, W1, MASK = 0xD2511F53, 0xCD9E8D57, 0x9E3779B9, 0xBB67AE85, 0xFFFFFFFF

def philox(c, k0, k1):
    c0, c1, c2, c3 = c
    for r in range(10):
        if r: k0, k1 = (k0 + W0) & MASK, (k1 + W1) & MASK
        p0, p1 = M0 * c0, M1 * c2
        c0, c1, c2, c3 = (p1 >> 32) ^ c1 ^ k0, p1 & MASK, (p0 >> 32) ^ c3 ^ k1, p0 & MASK
    return c0, c1, c2, c3

class Stream:
    def __init__(self, key): self.key, self.block, self.buf = key, 0, []
    def word(self):
        if not self.buf:
            self.buf = list(philox((self.block & MASK, self.block >> 32, 0, 0), *self.key)); self.block += 1
        return self.buf.pop(0)
    def below(self, n):                      # Lemire: reject while low word < (2^32 - n) mod n
        m = self.word() * n
        while (m & MASK) < (2**32 - n) % n: m = self.word() * n
        return m >> 32
    def uniform(self):
        a, b = self.word(), self.word()
        return ((a << 32 | b) >> 11) * 2.0**-53

def key_from_seed(seed): return (seed & MASK, seed >> 32)
def split(key, i): return philox((i & MASK, i >> 32, 0, 0x4B455953), *key)[:2]

def sha(a): return hashlib.sha256(np.ascontiguousarray(a + 0.0, '<f8').tobytes()).hexdigest()  # -0.0 -> +0.0

def eoi_values(rows, cols, d, key, gain=1.0):
    r, c = min(rows, cols), max(rows, cols)
    A = np.zeros((r, c)); A[np.arange(r), np.arange(r)] = 1.0
    S = A != 0                               # structural support, not A != 0 after rotating
    s, total, rot = Stream(key), r * c, []
    while S.sum() / total < d:
        prev = (A.copy(), S.copy())
        i = s.below(c); j = s.below(c)
        while j == i: j = s.below(c)
        i, j = min(i, j), max(i, j)
        th = s.uniform() * (2.0 * math.pi); co, si = math.cos(th), math.sin(th)
        A[:, i], A[:, j] = co * A[:, i] + si * A[:, j], co * A[:, j] - si * A[:, i]
        S[:, i] = S[:, j] = S[:, i] | S[:, j]; rot.append((i, j))
    if rot and abs(d - prev[1].sum() / total) < abs(d - S.sum() / total): (A, S), rot = prev, rot[:-1]
    if gain != 1.0: A = A * gain
    return (A.T, S.T, len(rot)) if rows > cols else (A, S, len(rot))

def eoi(rows, cols, d, seed):
    A, S, k = eoi_values(rows, cols, d, key_from_seed(seed))
    return k, int(S.sum()), sha(A)

def kernel(shape, d, key, gain, more):          # docs/SPEC.md section 3
    o, i, h, w = shape
    dh = max(min(d * h * w, 1.0, math.sqrt(d)) if more else d, 1.0 / max(o, i))
    H, S, k = eoi_values(o, i, dh, split(key, 0), gain)
    W, M = np.zeros(shape), np.zeros(shape)
    W[:, :, (h - 1) // 2, (w - 1) // 2], M[:, :, (h - 1) // 2, (w - 1) // 2] = H, S
    M = M.reshape(-1)
    if d == 1.0: M[:] = 1.0
    else:
        free, st = list(np.flatnonzero(M == 0)), Stream(split(key, 1))
        for t in range(int(round(d * M.size)) - int(M.sum())):   # Python's round() is half-to-even
            p = t + st.below(len(free) - t); free[t], free[p] = free[p], free[t]; M[free[t]] = 1.0
    return k, int(M.sum()), sha(W), sha(M)

def golden(path):
    bad = 0
    for g in json.load(open(path))["cases"]:
        if g["rule"] == "ExactCount": continue   # the search fallback is not ported
        key = key_from_seed(g["seed"])
        if len(g["shape"]) == 2:
            A, S, k = eoi_values(*g["shape"], g["density"], key, g["gain"]); got = (k, int(S.sum()), sha(A), None)
        else: got = kernel(tuple(g["shape"]), g["density"], key, g["gain"], g["rule"] == "MoreNonZeros")
        ok = got == (g["rotations"], g["nonZeros"], g["valuesSha256"], g.get("maskSha256")); bad += not ok
        print("ok  " if ok else "FAIL", g["name"])
    sys.exit(1 if bad else 0)

def replay(path, gain):                          # docs/SPEC.md section 2.4, dense, from a plan file
    lines = [json.loads(l) for l in open(path)]
    h = lines[0]; rows, cols = h["rows"], h["cols"]; r, c = min(rows, cols), max(rows, cols)
    A = np.zeros((r, c)); A[np.arange(r), np.arange(r)] = 1.0
    for g in lines[1:]:
        i, j, co, si = g["i"], g["j"], g["cos"], g["sin"]
        a, b = A[:, i].copy(), A[:, j].copy()
        A[:, i], A[:, j] = co * a + si * b, co * b - si * a
    if gain != 1.0: A = A * gain
    return A.T if rows > cols else A

def conformance(directory):
    import os
    manifest, bad = json.load(open(os.path.join(directory, "manifest.json"))), 0
    for case in manifest["cases"]:
        W = replay(os.path.join(directory, case["plan"]), case["gain"])
        if case["kind"] == "conv":
            o, i, h, w = case["shape"]; K = np.zeros((o, i, h, w)); K[:, :, (h - 1) // 2, (w - 1) // 2] = W; W = K
        f64, f32 = np.load(os.path.join(directory, case["float64"])), np.load(os.path.join(directory, case["float32"]))
        ok = (f64.dtype == np.float64 and f32.dtype == np.float32 and f64.shape == W.shape
              and np.array_equal((W + 0.0).view(np.uint64), (f64 + 0.0).view(np.uint64))
              and np.array_equal((W.astype(np.float32) + np.float32(0)).view(np.uint32), (f32 + np.float32(0)).view(np.uint32))
              and int(np.count_nonzero(W)) == case["nnz"])
        bad += not ok
        print("ok  " if ok else "FAIL", case["name"])
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "golden": golden(sys.argv[2])
    if cmd == "conformance": conformance(sys.argv[2])
    a = [int(x) if x.isdigit() else float(x) for x in sys.argv[2:]]
    if cmd == "words": st = Stream(key_from_seed(a[0])); print(" ".join(str(st.word()) for _ in range(a[1])))
    elif cmd == "draws":
        st = Stream(key_from_seed(a[0])); print(" ".join(str(st.below(a[2])) for _ in range(a[1])))
        print(" ".join(st.uniform().hex() for _ in range(a[1])))
    elif cmd == "split": print(*split(key_from_seed(a[0]), a[1]))
    elif cmd == "eoi": print(*eoi(a[0], a[1], a[2], a[3]))
    else: sys.exit(f"unknown command {cmd}")
