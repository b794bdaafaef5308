"""Checks golden-vectors.json with an independent, dense, pure-Python port of EOI (no NumPy needed).

It follows the documented algorithm, not the C# code: Philox4x32-10 stream, Lemire's bounded integers, the
authors' draw order and dense column rotations, the Paper stopping rule, and the delta-orthogonal kernel. It rotates
densely, so it canonicalises -0.0 before hashing (README.md). ExactCount cases are not ported; they are reported as
skipped. Usage: python3 reference_port.py
"""
import hashlib, json, math, os, struct

MASK = 0xFFFFFFFF
M0, M1, W0, W1, SPLIT_TAG = 0xD2511F53, 0xCD9E8D57, 0x9E3779B9, 0xBB67AE85, 0x4B455953


def philox(counter, key):
    c0, c1, c2, c3 = counter
    k0, k1 = key
    for r in range(10):
        if r:
            k0, k1 = (k0 + W0) & MASK, (k1 + W1) & MASK
        p0, p1 = M0 * c0, M1 * c2
        c0, c1, c2, c3 = (p1 >> 32) ^ c1 ^ k0, p1 & MASK, (p0 >> 32) ^ c3 ^ k1, p0 & MASK
    return c0, c1, c2, c3


def split(key, index):
    return philox((index & MASK, index >> 32, 0, SPLIT_TAG), key)[:2]


class Stream:
    def __init__(self, key):
        self.key, self.block, self.words = key, 0, []

    def u32(self):
        if not self.words:
            self.words = list(philox((self.block & MASK, self.block >> 32, 0, 0), self.key))
            self.block += 1
        return self.words.pop(0)

    def below(self, n):  # Lemire multiply-shift with rejection
        m = self.u32() * n
        if (m & MASK) < n:
            threshold = ((1 << 32) - n) % n
            while (m & MASK) < threshold:
                m = self.u32() * n
        return m >> 32

    def uniform(self):
        a, b = self.u32(), self.u32()
        return ((a << 32 | b) >> 11) * 2.0 ** -53


def eoi_matrix(rows, cols, density, key, gain):
    """Dense rows x cols values (row-major list) and the rotation count, Paper rule."""
    r, c = min(rows, cols), max(rows, cols)
    stream = Stream(key)
    a = [[1.0 if i == j else 0.0 for j in range(c)] for i in range(r)]
    support = [{t} if t < r else set() for t in range(c)]
    density_of = lambda s: sum(len(x) for x in s) / (r * c)
    previous, rotations = None, 0
    while density_of(support) < density:
        previous = ([row[:] for row in a], list(support))
        i = stream.below(c)
        j = stream.below(c)
        while j == i:
            j = stream.below(c)
        i, j = min(i, j), max(i, j)
        theta = stream.uniform() * (2.0 * math.pi)
        cs, sn = math.cos(theta), math.sin(theta)
        for row in a:
            row[i], row[j] = cs * row[i] + sn * row[j], cs * row[j] - sn * row[i]
        support[i] = support[j] = support[i] | support[j]
        rotations += 1
    # Keep the previous iterate only when it is strictly closer to the target.
    if previous and abs(density - density_of(previous[1])) < abs(density - density_of(support)):
        (a, support), rotations = previous, rotations - 1
    values = [(a[j][i] if rows > cols else a[i][j]) * gain for i in range(rows) for j in range(cols)]
    return values, rotations


def delta_kernel(shape, density, key, gain, rule):
    out, inp, h, w = shape
    centre_density = min(density * h * w, 1.0, math.sqrt(density)) if rule == "MoreNonZeros" else density
    centre, rotations = eoi_matrix(out, inp, max(centre_density, 1.0 / max(out, inp)), split(key, 0), gain)
    taps, tap = h * w, (h - 1) // 2 * w + (w - 1) // 2
    values, mask = [0.0] * (out * inp * taps), [0.0] * (out * inp * taps)
    for k, v in enumerate(centre):
        if v != 0.0:
            values[k * taps + tap], mask[k * taps + tap] = v, 1.0
    if density == 1.0:
        mask = [1.0] * len(mask)
    else:  # partial Fisher-Yates over the free flat positions, in increasing order
        free = [p for p, m in enumerate(mask) if m == 0.0]
        stream = Stream(split(key, 1))
        for t in range(int(round(density * len(mask))) - (len(mask) - len(free))):
            pick = t + stream.below(len(free) - t)
            free[t], free[pick] = free[pick], free[t]
            mask[free[t]] = 1.0
    return values, mask, rotations


def sha256(values):
    return hashlib.sha256(b"".join(struct.pack("<d", v + 0.0) for v in values)).hexdigest()


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden-vectors.json")
    failures = 0
    for case in json.load(open(path))["cases"]:
        key = (case["seed"] & MASK, case["seed"] >> 32)
        if case["rule"] == "ExactCount":
            print(f"skip {case['name']} (ExactCount is not ported)")
            continue
        if len(case["shape"]) == 2:
            values, rotations = eoi_matrix(*case["shape"], case["density"], key, case["gain"])
            got = (rotations, sum(v != 0.0 for v in values), sha256(values), None)
        else:
            values, mask, rotations = delta_kernel(case["shape"], case["density"], key, case["gain"], case["rule"])
            got = (rotations, int(sum(mask)), sha256(values), sha256(mask))
        want = (case["rotations"], case["nonZeros"], case["valuesSha256"], case.get("maskSha256"))
        failures += got != want
        print(f"{'ok  ' if got == want else 'FAIL'} {case['name']}")
    raise SystemExit(1 if failures else 0)


if __name__ == "__main__":
    main()
