#!/usr/bin/env python3
"""Whole-process PyTorch baseline for `eoi train` on the embedded MNIST sample (benchmarks/README.md,
"Whole process"): the same network, data, steps and files, written as sparse training is written in PyTorch
(dense weights, the fixed mask re-applied after every step).

  network  tanh MLP: 784 -> width, (depth - 2) x width -> width, width -> 10, every layer masked uniformly at
           --density (Bernoulli per entry), orthogonal init times the mask times --gain, biases N(0, bias_std^2);
  data     the embedded sample read from src/Eoi.Data/Resources/sample (3,000 train images, the last 10 % held
           out for validation, 1,000 test), normalised with MNIST's mean 0.1307 and std 0.3081;
  steps    Nesterov SGD (momentum 0.9, weight decay 1e-4), batch 128, lr x0.1 at the same milestones as eoi
           (max(1, E/2) and max(that + 1, 3E/4)), a fresh shuffle per epoch; after each epoch the validation
           and test loss and accuracy and a checkpoint (model, optimiser and masks, written whole);
  analysis every layer's singular values at initialisation and after training (as eoi's spectra), and
           metrics.csv at the end;
  threads  torch.set_num_threads(--threads), 2 by default (this machine's cores).

It prints the BLAS in use (benchmarks/torch/optimised_blas.py installs OpenBLAS where the reference BLAS
would run) and the time of each phase. Time the whole process from outside: /usr/bin/time -v python3 ...

Usage: python3 benchmarks/torch/whole_process.py --depth 1000 --width 128 --density 0.125 --gain 1.0247
       --bias-std 0.00448 --lr 1e-4 --epochs 2 -o /tmp/torch-run
"""
import argparse
import csv
import gzip
import os
import struct
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "..", "src", "Eoi.Data", "Resources", "sample")
MEAN, STD, CLASSES, VALIDATION_FRACTION = 0.1307, 0.3081, 10, 0.1


def read_idx(name):
    with gzip.open(os.path.join(SAMPLE, name), "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return data[4 + 4 * dims:], shape


def load(torch):
    def images(name):
        raw, shape = read_idx(name)
        x = torch.frombuffer(bytearray(raw), dtype=torch.uint8).reshape(shape[0], -1).float() / 255
        return (x - MEAN) / STD

    def labels(name):
        raw, _ = read_idx(name)
        return torch.frombuffer(bytearray(raw), dtype=torch.uint8).long()

    x, y = images("train-images-idx3-ubyte.gz"), labels("train-labels-idx1-ubyte.gz")
    held = int(round(len(x) * VALIDATION_FRACTION))
    return (x[:-held], y[:-held]), (x[-held:], y[-held:]), (images("t10k-images-idx3-ubyte.gz"), labels("t10k-labels-idx1-ubyte.gz"))


def build(torch, depth, width, density, gain, bias_std, generator):
    sizes = [784] + [width] * (depth - 1) + [CLASSES]
    layers, masks = [], []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        layer = torch.nn.Linear(fan_in, fan_out)
        mask = (torch.rand(fan_out, fan_in, generator=generator) < density).float()
        with torch.no_grad():
            torch.nn.init.orthogonal_(layer.weight, gain=gain)
            layer.weight.mul_(mask)
            layer.bias.normal_(0, bias_std, generator=generator)
        layers.append(layer)
        masks.append(mask)
    modules = []
    for i, layer in enumerate(layers):
        modules.append(layer)
        if i < len(layers) - 1:
            modules.append(torch.nn.Tanh())
    return torch.nn.Sequential(*modules), layers, masks


def milestones(epochs):
    first = max(1, epochs // 2)
    return [first, max(first + 1, 3 * epochs // 4)]


def spectra(torch, layers):
    with torch.no_grad():
        return [torch.linalg.svdvals(layer.weight.double()) for layer in layers]


def evaluate(torch, model, data, batch):
    x, y = data
    loss, correct = 0.0, 0
    with torch.no_grad():
        for start in range(0, len(x), batch):
            logits = model(x[start:start + batch])
            loss += torch.nn.functional.cross_entropy(logits, y[start:start + batch], reduction="sum").item()
            correct += (logits.argmax(1) == y[start:start + batch]).sum().item()
    return loss / len(x), correct / len(x)


def save_whole(torch, path, state):
    temporary = f"{path}.{os.getpid()}.tmp"
    torch.save(state, temporary)
    os.replace(temporary, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--depth", type=int, default=7)
    parser.add_argument("--width", type=int, default=100)
    parser.add_argument("--density", type=float, default=0.1)
    parser.add_argument("--gain", type=float, default=1.0)
    parser.add_argument("--bias-std", type=float, default=0.0)
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()

    start = time.perf_counter()
    import torch
    import optimised_blas
    blas = optimised_blas.require(torch)
    torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; {blas}")
    print(optimised_blas.config(torch).strip())
    os.makedirs(args.output, exist_ok=True)
    phases = {"import": time.perf_counter() - start}

    clock = time.perf_counter()
    torch.manual_seed(args.seed)  # orthogonal_ draws from the global generator in torch 1.13
    generator = torch.Generator().manual_seed(args.seed)
    train, validation, test = load(torch)
    model, layers, masks = build(torch, args.depth, args.width, args.density, args.gain, args.bias_std, generator)
    phases["data + init"] = time.perf_counter() - clock
    clock = time.perf_counter()
    initial = spectra(torch, layers)
    phases["initial spectra"] = time.perf_counter() - clock

    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, nesterov=True, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones(args.epochs), gamma=0.1)
    history, clock = [], time.perf_counter()
    x, y = train
    for epoch in range(1, args.epochs + 1):
        epoch_start = time.perf_counter()
        model.train()
        order = torch.randperm(len(x), generator=generator)
        loss_sum, correct = 0.0, 0
        for begin in range(0, len(x), args.batch):
            index = order[begin:begin + args.batch]
            logits = model(x[index])
            loss = torch.nn.functional.cross_entropy(logits, y[index])
            loss_sum += loss.item() * len(index)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            with torch.no_grad():
                for layer, mask in zip(layers, masks):
                    layer.weight.mul_(mask)
            correct += (logits.argmax(1) == y[index]).sum().item()
        schedule.step()
        model.eval()
        val = evaluate(torch, model, validation, args.batch)
        tst = evaluate(torch, model, test, args.batch)
        save_whole(torch, os.path.join(args.output, "checkpoint.pt"),
                   {"epoch": epoch, "model": model.state_dict(), "optimizer": optimizer.state_dict(), "masks": masks})
        history.append((epoch, loss_sum / len(x), correct / len(x), *val, *tst, time.perf_counter() - epoch_start))
        print(f"epoch {epoch}/{args.epochs} | train {history[-1][1]:.4f} {100 * history[-1][2]:.2f}% | val {val[0]:.4f} "
              f"{100 * val[1]:.2f}% | test {tst[0]:.4f} {100 * tst[1]:.2f}% | {history[-1][-1]:.1f} s", flush=True)
    phases["epochs"] = time.perf_counter() - clock

    clock = time.perf_counter()
    final = spectra(torch, layers)
    phases["final spectra"] = time.perf_counter() - clock
    clock = time.perf_counter()
    with open(os.path.join(args.output, "metrics.csv"), "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["epoch", "train_loss", "train_acc", "val_loss", "val_acc", "test_loss", "test_acc", "seconds"])
        writer.writerows(history)
    with open(os.path.join(args.output, "spectra.csv"), "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["phase", "layer", "mean_s", "max_s", "min_s"])
        for phase, values in (("init", initial), ("final", final)):
            writer.writerows((phase, i, v.mean().item(), v.max().item(), v.min().item()) for i, v in enumerate(values))
    phases["files"] = time.perf_counter() - clock
    print("phases (s): " + ", ".join(f"{name} {seconds:.1f}" for name, seconds in phases.items()))
    print(f"done in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    main()
