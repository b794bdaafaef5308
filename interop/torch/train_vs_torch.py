#!/usr/bin/env python3
"""Replays an `eoi train` run in PyTorch and compares the two, epoch by epoch and tensor by tensor.

The run must have been made with `--save-init` (so its directory holds the network as initialised,
init.safetensors) and with one batch per epoch (`--batch` at least the training examples), so that the
batch order, which eoi draws from its own RNG, does not enter: each epoch is one full-batch step. For example

  eoi train --model resnet --depth 8 --dataset fashion-mnist --train-examples 256 --test-examples 256 \
      --batch 256 --epochs 3 --no-jacobian --save-init -o runs/xc-resnet8

PyTorch then builds the same network from the checkpoint's tensors (torch.nn.functional: conv2d with zero or
circular padding, batch_norm, max/avg pooling, linear; an MLP's CSR layers become a dense weight and mask), loads the same data (Fashion-MNIST or MNIST IDX files,
the first N examples, zero-padded to 32 x 32 before normalisation, the last 10 % of the training examples
validating), and trains with torch.optim.SGD (Nesterov momentum 0.9, the run's weight decay on every parameter,
each epoch's learning rate as metrics.csv records it) re-applying each mask after every step, as the authors'
code does. What is
compared:

  per epoch   train loss and accuracy (the full batch in training mode, before the step), validation and
              test loss and accuracy (evaluation mode) against metrics.csv;
  at the end  every tensor of checkpoint.safetensors (weights, masks, biases, batch-norm parameters and
              running statistics) and every momentum buffer (at the mask's positions: eoi keeps none elsewhere)
              against PyTorch's.

Exit code 0 when every difference is within tolerance (printed beside it), 1 otherwise.
Usage: python3 train_vs_torch.py RUN_DIR [--data-dir DIR]
"""
import argparse
import csv
import gzip
import json
import os
import struct
import sys

import numpy as np
import torch
import torch.nn.functional as F

DTYPES = {"F32": np.float32, "F64": np.float64, "BOOL": np.bool_, "I32": np.int32, "I64": np.int64, "U8": np.uint8}
NORMALISATION = {"fashion-mnist": (0.2860, 0.3530), "mnist": (0.1307, 0.3081)}
DEFAULT_DIRS = {"fashion-mnist": "/usr/share/datasets/fashion-mnist"}

# Tolerance. Both sides compute in float32 but sum in different orders (eoi: fixed image groups and SIMD
# lanes; PyTorch: oneDNN/OpenBLAS blocking), and a gradient that is a sum of 10^5 - 10^6 products with
# cancellation (a batch-norm shift's, a 3 x 3 kernel's) keeps only a few digits of either; a parameter that
# starts at 0 (a shift) is then only that gradient times the rate. No fixed relative tolerance fits every
# tensor, so the judge is the same network trained in float64 by PyTorch: eoi's error against it must be within
# ERROR_RATIO times PyTorch's own float32 error against it (other summation orders may lose a few times more,
# not orders of magnitude more), plus FLOOR_EPS times the value's magnitude (the float32 rounding of the value
# itself, for quantities where PyTorch float32 happens to be exact). An accuracy may differ only by examples
# whose two largest float64 logits are closer than ERROR_RATIO times the float32 replay's logit error.
ERROR_RATIO = 10
FLOOR_EPS = 4 * 2.0 ** -24


def read_safetensors(path):
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        data = f.read()
    meta = header.pop("__metadata__", {})
    tensors = {}
    for name, t in header.items():
        start, end = t["data_offsets"]
        tensors[name] = np.frombuffer(data[start:end], dtype=DTYPES[t["dtype"]]).reshape(t["shape"]).copy()
    return tensors, meta


def read_idx(path):
    with gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = struct.unpack(">" + "I" * dims, raw[4:4 + 4 * dims])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def find_idx(directory, stem):
    for name in (stem, stem + ".gz", stem.replace("-idx", ".idx"), stem.replace("-idx", ".idx") + ".gz"):
        if os.path.exists(os.path.join(directory, name)):
            return os.path.join(directory, name)
    sys.exit(f"error: no {stem}[.gz] in {directory}")


def load_data(configuration, data_dir):
    name = configuration["dataset"]
    if name not in NORMALISATION:
        sys.exit(f"error: dataset {name!r} is not supported here; use fashion-mnist or mnist")
    directory = data_dir or configuration["dataDirectory"] or DEFAULT_DIRS.get(name) or os.path.join("data", name)
    sets = {}
    for part, prefix, count in (("train", "train", configuration["trainExamples"]), ("test", "t10k", configuration["testExamples"])):
        images = read_idx(find_idx(directory, f"{prefix}-images-idx3-ubyte"))
        labels = read_idx(find_idx(directory, f"{prefix}-labels-idx1-ubyte"))
        if count is not None:
            images, labels = images[:count], labels[:count]
        side = configuration["effectivePadTo"]
        if side and images.shape[1] < side:  # zero bytes around the image, centred, before normalisation
            top, left = (side - images.shape[1]) // 2, (side - images.shape[2]) // 2
            padded = np.zeros((len(images), side, side), dtype=np.uint8)
            padded[:, top:top + images.shape[1], left:left + images.shape[2]] = images
            images = padded
        mean, std = NORMALISATION[name]
        x = (images.astype(np.float32) / np.float32(255) - np.float32(mean)) / np.float32(std)
        x = x[:, None] if configuration["model"] != "Mlp" else x.reshape(len(x), -1)
        sets[part] = (torch.from_numpy(np.ascontiguousarray(x)), torch.from_numpy(labels.astype(np.int64)))
    x, y = sets["train"]
    keep = int(0.9 * len(x))  # floor(0.9 N) train, the rest validate
    return (x[:keep], y[:keep]), (x[keep:], y[keep:]), sets["test"]


def activation_of(configuration):
    a = configuration["activation"]
    kind = a["kind"]
    return {
        "Linear": lambda x: x,
        "Tanh": torch.tanh,
        "Relu": F.relu,
        "LeakyRelu": lambda x: F.leaky_relu(x, a["negativeSlope"]),
        "HardTanh": F.hardtanh,
        "Selu": F.selu,
    }[kind]


def csr_pattern(state, prefix):
    """A CSR layer's (row counts, columns) as eoi saves them (float32, exact below 2^24), checked sorted by row."""
    counts = state[prefix + ".weight_row_counts"].astype(np.int64)
    columns = state[prefix + ".weight_columns"].astype(np.int64)
    starts = np.concatenate([[0], np.cumsum(counts)])
    for r in range(len(counts)):
        if np.any(np.diff(columns[starts[r]:starts[r + 1]]) <= 0):
            sys.exit(f"error: {prefix}: columns of row {r} are not increasing; cannot align CSR order with row-major")
    return counts, columns


def dense_layers(state, configuration):
    """The checkpoint's tensors with each CSR layer (an MLP's: weight_values, weight_row_counts, weight_columns)
    as a dense weight and mask, so every network reads the same way."""
    out = dict(state)
    for name in [n for n in state if n.startswith("model/") and n.endswith(".weight_values")]:
        prefix = name[:-len(".weight_values")]
        counts, columns = csr_pattern(state, prefix)
        layer = int(prefix[len("model/"):])
        fan_in = (configuration["effectivePadTo"] or 28) ** 2 if layer == 0 else configuration["width"]
        weight = np.zeros((len(counts), fan_in), dtype=np.float32)
        rows = np.repeat(np.arange(len(counts)), counts)
        weight[rows, columns] = state[name]
        out[prefix + ".weight"], out[prefix + ".mask"] = weight, weight != 0
        out[prefix + ".mask"][rows, columns] = True
        for suffix in (".weight_values", ".weight_row_counts", ".weight_columns"):
            del out[prefix + suffix]
    return out


class Network:
    """The run's network as functions of named tensors, in eoi's checkpoint names (model/<path>.<tensor>)."""

    def __init__(self, configuration, state, dtype):
        self.kind = configuration["model"]
        self.depth, self.width = configuration["depth"], configuration["width"]
        self.act = activation_of(configuration)
        self.params, self.masks, self.buffers = {}, {}, {}
        state = dense_layers(state, configuration)
        for name, value in state.items():
            if not name.startswith("model/"):
                continue
            key = name[len("model/"):]
            if key.endswith(".mask"):
                self.masks[key[:-len(".mask")] + ".weight"] = torch.from_numpy(value.astype(np.float32)).to(dtype)
            elif key.endswith("running_mean") or key.endswith("running_var"):
                self.buffers[key] = torch.from_numpy(value.astype(np.float32)).to(dtype)
            else:
                self.params[key] = torch.from_numpy(value.astype(np.float32)).to(dtype).requires_grad_(True)

    def bn(self, x, path, training):
        return F.batch_norm(x, self.buffers[path + ".running_mean"], self.buffers[path + ".running_var"],
                            self.params[path + ".gamma"], self.params[path + ".beta"], training, 0.1, 1e-5)

    def conv(self, x, path, stride, padding, circular=False):
        w, b = self.params[path + ".weight"], self.params.get(path + ".bias")
        if circular:
            return F.conv2d(F.pad(x, (padding,) * 4, mode="circular"), w, b, stride)
        return F.conv2d(x, w, b, stride, padding)

    def linear(self, x, path):
        return F.linear(x, self.params[path + ".weight"], self.params.get(path + ".bias"))

    def forward(self, x, training):
        return getattr(self, "forward_" + self.kind.lower())(x, training)

    def forward_resnet(self, x, training):
        x = self.act(self.bn(self.conv(x, "0", 1, 1), "1", training))
        index = 3
        for _ in range(3 * ((self.depth - 2) // 6)):
            p = str(index)
            projection = p + ".shortcut.0.weight" in self.params
            stride = 2 if projection else 1
            y = self.act(self.bn(self.conv(x, p + ".conv1", stride, 1), p + ".bn1", training))
            y = self.bn(self.conv(y, p + ".conv2", 1, 1), p + ".bn2", training)
            s = self.bn(self.conv(x, p + ".shortcut.0", stride, 0), p + ".shortcut.1", training) if projection else x
            x = self.act(y + s)
            index += 1
        x = F.avg_pool2d(x, x.shape[-1]).flatten(1)  # AvgPool(side / 4) on the last stage's side / 4 map
        return self.linear(x, str(index + 2))

    def forward_vgg16(self, x, training):
        index = 0
        for entry in [1, 1, 0, 2, 2, 0, 4, 4, -4, 0, 8, 8, -8, 0, 8, 8, -8, 0]:
            if entry == 0:
                x = F.max_pool2d(x, 2)
                index += 1
                continue
            x = self.act(self.bn(self.conv(x, str(index), 1, 1), str(index + 1), training))
            index += 3
        x = x.flatten(1)
        index += 1
        x = self.bn(self.act(self.linear(x, str(index))), str(index + 2), training)
        x = self.bn(self.act(self.linear(x, str(index + 3))), str(index + 5), training)
        return self.linear(x, str(index + 6))

    def forward_mlp(self, x, training):
        for layer in range(self.depth):
            x = self.linear(x, str(2 * layer))
            if layer < self.depth - 1:
                x = self.act(x)
        return x

    def forward_cifarconv(self, x, training):
        strides = [1, 2, 2] + [1] * (self.depth - 6)
        for layer, stride in enumerate(strides):
            x = self.act(self.conv(x, str(2 * layer), stride, 1, circular=True))
        x = F.avg_pool2d(x, 2).flatten(1)
        return self.linear(x, str(2 * len(strides) + 2))

    def apply_masks(self):
        with torch.no_grad():
            for key, mask in self.masks.items():
                self.params[key].mul_(mask)


def evaluate(net, x, y, batch):
    """Mean loss, accuracy and the logits (float64 numpy) in evaluation mode, in batches as eoi evaluates."""
    losses, correct, logits = 0.0, 0, []
    with torch.no_grad():
        for start in range(0, len(x), batch):
            out = net.forward(x[start:start + batch], training=False)
            target = y[start:start + batch]
            losses += F.cross_entropy(out, target, reduction="sum").item()
            correct += (out.argmax(1) == target).sum().item()
            logits.append(out.double().numpy())
    return losses / len(x), correct / len(x), np.concatenate(logits)


def replay(configuration, init, data, rates, dtype):
    """Trains the run's network from init in PyTorch at dtype: per-epoch metrics, then the final tensors and
    momentum buffers (float64 numpy arrays by eoi's names)."""
    training = configuration["training"]
    (train_x, train_y), validation, test = [(x.to(dtype), y) for x, y in data]
    net = Network(configuration, init, dtype)
    optimizer = torch.optim.SGD(list(net.params.values()), lr=rates[0], momentum=training["momentum"],
                                nesterov=True, weight_decay=training["weightDecay"])
    rows = []
    for rate in rates:
        for group in optimizer.param_groups:
            group["lr"] = rate
        logits = net.forward(train_x, training=True)
        loss = F.cross_entropy(logits, train_y)
        correct = (logits.argmax(1) == train_y).sum().item()
        row = {"train_loss": loss.item(), "train_acc": correct / len(train_x)}
        row_logits = {"train_acc": logits.detach().double().numpy()}
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        net.apply_masks()
        for name, (x, y) in (("val", validation), ("test", test)):
            row[name + "_loss"], row[name + "_acc"], row_logits[name + "_acc"] = evaluate(net, x, y, training["batchSize"])
        row["logits"] = row_logits
        rows.append(row)
    state = {k: v.detach().double().numpy() for k, v in {**net.params, **net.buffers}.items()}
    momentum = {k: optimizer.state[v]["momentum_buffer"].double().numpy() for k, v in net.params.items()}
    masks = {k: v.numpy().astype(bool) for k, v in net.masks.items()}
    return rows, state, momentum, masks


def near_ties(single, double):
    """Examples whose float64 prediction could flip within float32 noise: top-two logit gap below ERROR_RATIO
    times the largest logit difference between the float32 and float64 replays."""
    noise = ERROR_RATIO * float(np.abs(single - double).max())
    top2 = np.sort(double, axis=1)[:, -2:]
    return int((top2[:, 1] - top2[:, 0] <= noise).sum())


def judge(mine, single, double):
    """(eoi's error, PyTorch float32's error, verdict) against the float64 replay, as max absolute differences."""
    err = float(np.abs(mine - double).max())
    err32 = float(np.abs(single - double).max())
    floor = FLOOR_EPS * max(float(np.abs(double).max()), 1e-30)
    return err, err32, err <= ERROR_RATIO * err32 + floor


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run_dir")
    parser.add_argument("--data-dir")
    args = parser.parse_args()
    torch.use_deterministic_algorithms(True)

    run = json.load(open(os.path.join(args.run_dir, "run.json")))
    configuration = run["configuration"]
    training = configuration["training"]
    init, init_meta = read_safetensors(os.path.join(args.run_dir, "init.safetensors"))
    if init_meta.get("completed_epochs") != "0":
        sys.exit("error: init.safetensors is not a checkpoint after 0 epochs")
    data = load_data(configuration, args.data_dir)
    if training["batchSize"] < len(data[0][0]):
        sys.exit(f"error: the run has {len(data[0][0])} training examples in batches of {training['batchSize']}; "
                 "replay needs one batch per epoch (--batch >= training examples), since eoi's batch order is its own RNG's")
    with open(os.path.join(args.run_dir, "metrics.csv")) as f:
        ours = list(csv.DictReader(f))
    rates = [float(row["lr"]) for row in ours]  # eoi's schedule, as the run recorded it
    rows32, state32, momentum32, masks = replay(configuration, init, data, rates, torch.float32)
    rows64, state64, momentum64, _ = replay(configuration, init, data, rates, torch.float64)

    failures = 0
    print(f"{configuration['modelDescription']}, {configuration['initDescription']}; {len(data[0][0])} train / "
          f"{len(data[1][0])} validation / {len(data[2][0])} test; {len(rates)} full-batch steps; torch {torch.__version__}")
    print(f"errors against PyTorch in float64; pass: eoi's <= {ERROR_RATIO:g} x PyTorch float32's + {FLOOR_EPS:g} x |value|")
    print(f"{'epoch':>5} {'quantity':>10} {'eoi':>12} {'torch f32':>12} {'torch f64':>12} {'eoi err':>9} {'f32 err':>9}  verdict")
    for epoch, (row, r32, r64) in enumerate(zip(ours, rows32, rows64), start=1):
        for column in (c for c in r64 if c != "logits"):
            mine = float(row[column])
            err, err32, ok = judge(np.array(mine), np.array(r32[column]), np.array(r64[column]))
            verdict = "ok" if ok else "FAIL"
            if column.endswith("_acc") and not ok:
                # A count may differ by the examples that are ties within float32 noise, and by no more.
                logits32, logits64 = r32["logits"][column], r64["logits"][column]
                ties, flipped = near_ties(logits32, logits64), round(abs(mine - r64[column]) * len(logits64))
                ok = flipped <= ties
                verdict = f"{'ok' if ok else 'FAIL'} ({flipped} flipped, {ties} near ties)"
            failures += not ok
            print(f"{epoch:>5} {column:>10} {mine:>12.8f} {r32[column]:>12.8f} {r64[column]:>12.8f} {err:>9.1e} {err32:>9.1e}  {verdict}")

    final, _ = read_safetensors(os.path.join(args.run_dir, "checkpoint.safetensors"))
    final = dense_layers(final, configuration)
    print(f"\nafter {len(rates)} steps, every tensor of checkpoint.safetensors: max |x - torch f64|")
    print(f"{'tensor':>34} {'max |f64|':>9} {'eoi err':>9} {'f32 err':>9}  verdict")
    compared, closer, ratios = 0, 0, []
    for name, value in sorted(final.items()):
        prefix, _, key = name.partition("/")
        if prefix not in ("model", "momentum"):
            continue
        if key.endswith(".mask"):
            same = np.array_equal(value, masks[key[:-len(".mask")] + ".weight"])
            failures += not same
            compared += 1
            if not same:
                print(f"{name:>34} mask differs: FAIL")
            continue
        single, double = (state32, state64) if prefix == "model" else (momentum32, momentum64)
        if key not in double:
            print(f"{name:>34} not in the PyTorch network: FAIL")
            failures += 1
            continue
        mine, s, d = value.astype(np.float64).reshape(-1), single[key].reshape(-1), double[key].reshape(-1)
        if prefix == "momentum" and key in masks and len(mine) != len(d):
            keep = masks[key].reshape(-1)  # a CSR layer's buffer holds its non-zeros only, in row-major order
            s, d = s[keep], d[keep]
        elif prefix == "momentum" and key in masks:
            keep = masks[key].reshape(-1)  # off the mask eoi's buffer is not used
            mine, s, d = mine[keep], s[keep], d[keep]
        err, err32, ok = judge(mine, s, d)
        failures += not ok
        compared += 1
        closer += err <= err32
        ratios.append(err / max(err32, 1e-300))
        print(f"{name:>34} {np.abs(d).max():>9.2e} {err:>9.1e} {err32:>9.1e}  {'ok' if ok else 'FAIL'}")
    print(f"{compared} tensors compared (masks exactly); of the {len(ratios)} numeric ones, eoi is as close to float64 "
          f"as PyTorch float32 or closer in {closer}; eoi err / f32 err: median {np.median(ratios):.2g}, largest {max(ratios):.2g}")
    print("PASS" if failures == 0 else f"FAIL: {failures} comparisons out of tolerance")
    sys.exit(0 if failures == 0 else 1)


if __name__ == "__main__":
    main()
