#!/usr/bin/env python3
"""Independent re-implementation of the Eoi.Reference RNG and EOI procedure (docs/SPEC.md), in NumPy.

  eoi_reference.py words SEED N                 first N 32-bit words of the stream of RngKey.FromSeed(SEED)
  eoi_reference.py draws SEED N BOUND           N bounded integers in [0, BOUND), then N uniform doubles (hex)
  eoi_reference.py split SEED INDEX             the child key (k0, k1) of RngKey.FromSeed(SEED).Split(INDEX)
  eoi_reference.py eoi ROWS COLS DENSITY SEED   rotation count, nnz and SHA-256 of the float64 EOI matrix
"""
import hashlib, math, sys
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

def eoi(rows, cols, d, seed):
    r, c = min(rows, cols), max(rows, cols)
    A = np.zeros((r, c)); A[np.arange(r), np.arange(r)] = 1.0
    S = A != 0                               # structural support, not A != 0 after rotating
    s, total, rot = Stream(key_from_seed(seed)), r * c, []
    while S.sum() / total < d:
        prev = (A.copy(), S.copy())
        i = s.below(c); j = s.below(c)
        while j == i: j = s.below(c)
        i, j = min(i, j), max(i, j)
        th = s.uniform() * (2.0 * math.pi); co, si = math.cos(th), math.sin(th)
        A[:, i], A[:, j] = co * A[:, i] + si * A[:, j], co * A[:, j] - si * A[:, i]
        S[:, i] = S[:, j] = S[:, i] | S[:, j]; rot.append((i, j))
    if rot and abs(d - prev[1].sum() / total) < abs(d - S.sum() / total): (A, S), rot = prev, rot[:-1]
    A = A + 0.0                              # -0.0 outside the support -> +0.0
    if rows > cols: A, S = A.T, S.T
    return len(rot), int(S.sum()), hashlib.sha256(np.ascontiguousarray(A, '<f8').tobytes()).hexdigest()

if __name__ == "__main__":
    cmd, a = sys.argv[1], [int(x) if x.lstrip('-').isdigit() else float(x) for x in sys.argv[2:]]
    if cmd == "words": st = Stream(key_from_seed(a[0])); print(" ".join(str(st.word()) for _ in range(a[1])))
    elif cmd == "draws":
        st = Stream(key_from_seed(a[0])); print(" ".join(str(st.below(a[2])) for _ in range(a[1])))
        print(" ".join(st.uniform().hex() for _ in range(a[1])))
    elif cmd == "split": print(*split(key_from_seed(a[0]), a[1]))
    elif cmd == "eoi": print(*eoi(a[0], a[1], a[2], a[3]))
    else: sys.exit(f"unknown command {cmd}")
