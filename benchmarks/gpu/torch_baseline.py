#!/usr/bin/env python3
"""PyTorch baselines for benchmarks/Eoi.Benchmarks.Cuda, with masked dense weights as sparse-training code
written in PyTorch keeps them (dense storage, mask re-applied after every update).

Same cases, sizes and timing scheme as the C# harness (see its BenchmarkSettings and Timing):
  layer  one width x width linear layer, forward and backward (y = x W^T, then dx and dW from a given dy),
         batch 128, dense and masked at each density (the mask multiply is part of the masked forward);
  mlp    one training step of the paper's 1000-layer tanh MLP (784 -> 128, 998 x 128 -> 128, 128 -> 10),
         density 0.125, SGD Nesterov momentum 0.9, lr 1e-4, weight decay 1e-4, batch 128; loss read back.
Each case: warm-up calls, then rounds of calls closed by torch.cuda.synchronize(); the median per call.
TF32 is off, matching the cuBLAS default math mode the C# backend uses.

Usage: python3 torch_baseline.py [--only layer|mlp] [--quick] [--csv FILE] [--device cuda|cpu]
"""
import argparse
import os
import statistics
import sys
import time

WIDTHS, DENSITIES, BATCH = [1024, 4096], [0.01, 0.1, 0.25], 128
MLP_DEPTH, MLP_WIDTH, MLP_DENSITY = 1000, 128, 0.125
WARMUP, ROUNDS, CALLS = 5, 7, 10
QUICK = dict(widths=[256], batch=32, depth=10, width=32, warmup=1, rounds=3, calls=2)
INPUTS, CLASSES = 784, 10


def measure(call, synchronize, warmup, rounds, calls):
    """Milliseconds per call: (median, min, max) over rounds of `calls` calls each."""
    for _ in range(warmup):
        call()
    synchronize()
    per_call = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            call()
        synchronize()
        per_call.append((time.perf_counter() - start) * 1000 / calls)
    return statistics.median(per_call), min(per_call), max(per_call)


def layer_cases(torch, device, widths, batch, timing):
    generator = torch.Generator(device="cpu").manual_seed(1)
    for width in widths:
        x = torch.rand(batch, width, generator=generator).mul_(2).sub_(1).to(device).requires_grad_()
        dy = torch.rand(batch, width, generator=generator).mul_(2).sub_(1).to(device)
        weight = (torch.rand(width, width, generator=generator).mul_(2).sub_(1) / width ** 0.5).to(device).requires_grad_()

        def step(mask=None):
            w = weight if mask is None else weight * mask
            (x @ w.t()).backward(dy)
            x.grad = None
            weight.grad = None

        yield ("layer", "dense", width, batch, 1, measure(step, timing.sync, *timing.counts))
        for density in DENSITIES:
            mask = (torch.rand(width, width, generator=generator) < density).float().to(device)
            yield ("layer", "masked-dense", width, batch, density, measure(lambda: step(mask), timing.sync, *timing.counts))


def mlp_case(torch, device, depth, width, batch, timing):
    nn = torch.nn
    generator = torch.Generator(device="cpu").manual_seed(2)
    sizes = [INPUTS] + [width] * (depth - 1) + [CLASSES]
    layers = [nn.Linear(sizes[i], sizes[i + 1]) for i in range(len(sizes) - 1)]
    masks = []
    with torch.no_grad():
        for layer in layers:
            mask = (torch.rand(layer.weight.shape, generator=generator) < MLP_DENSITY).float()
            layer.weight.uniform_(-1, 1, generator=generator).mul_((3.0 / max(1.0, layer.in_features * MLP_DENSITY)) ** 0.5).mul_(mask)
            layer.bias.zero_()
            masks.append(mask.to(device))
    model = nn.Sequential(*[m for layer in layers[:-1] for m in (layer, nn.Tanh())], layers[-1]).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-4, momentum=0.9, nesterov=True, weight_decay=1e-4)
    x = torch.rand(batch, INPUTS, generator=generator).mul_(2).sub_(1).to(device)
    labels = (torch.arange(batch) % CLASSES).to(device)

    def step():
        optimizer.zero_grad(set_to_none=True)
        loss = nn.functional.cross_entropy(model(x), labels)
        loss.backward()
        optimizer.step()
        with torch.no_grad():
            for layer, mask in zip(layers, masks):
                layer.weight.mul_(mask)
        if not torch.isfinite(loss).item():
            raise RuntimeError("the masked-dense MLP's loss is not finite")

    yield ("mlp", "masked-dense", width, batch, MLP_DENSITY, measure(step, timing.sync, *timing.counts))


class Timing:
    def __init__(self, torch, device, counts):
        self.counts = counts
        self.sync = torch.cuda.synchronize if device == "cuda" else (lambda: None)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["layer", "mlp"])
    parser.add_argument("--quick", action="store_true", help="smoke-test sizes")
    parser.add_argument("--csv", help="also write the rows to this file")
    parser.add_argument("--device", default="cuda", choices=["cuda", "cpu"])
    args = parser.parse_args()

    import torch

    if args.device == "cuda" and not torch.cuda.is_available():
        print("CUDA unavailable to PyTorch (torch.cuda.is_available() is False)")
        return 3
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    q = QUICK if args.quick else None
    widths, batch = (q["widths"], q["batch"]) if q else (WIDTHS, BATCH)
    depth, width = (q["depth"], q["width"]) if q else (MLP_DEPTH, MLP_WIDTH)
    timing = Timing(torch, args.device, (q["warmup"], q["rounds"], q["calls"]) if q else (WARMUP, ROUNDS, CALLS))
    name = torch.cuda.get_device_name(0) if args.device == "cuda" else "cpu"
    print(f"torch {torch.__version__}, CUDA {torch.version.cuda}, {name}")
    if args.device == "cpu":
        # CPU products run on the BLAS: refuse the reference one (benchmarks/torch/optimised_blas.py) and record it.
        sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "torch"))
        import optimised_blas
        print(optimised_blas.require(torch))
    print("| scenario | variant | width | batch | density | median ms | min ms | max ms |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    rows = []
    cases = []
    if args.only in (None, "layer"):
        cases.append(layer_cases(torch, args.device, widths, batch, timing))
    if args.only in (None, "mlp"):
        cases.append(mlp_case(torch, args.device, depth, width, batch, timing))
    for case in cases:
        for scenario, variant, w, b, density, (median, low, high) in case:
            print(f"| {scenario} | {variant} | {w} | {b} | {density} | {median:.3f} | {low:.3f} | {high:.3f} |", flush=True)
            rows.append(f"{scenario},{variant},{w},{b},{density},{median:.6g},{low:.6g},{high:.6g}")
    if args.csv:
        with open(args.csv, "w") as out:
            out.write("scenario,variant,width,batch,density,median_ms,min_ms,max_ms\n" + "\n".join(rows) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
