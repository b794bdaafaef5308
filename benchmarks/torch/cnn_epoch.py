#!/usr/bin/env python3
"""One training epoch of the CIFAR ResNet and the authors' vanilla CNN (CifarConv) in PyTorch on the CPU, as
sparse-training code in PyTorch trains them: dense weights with a fixed 0/1 mask, the mask multiplied back in
after every SGD step. The counterpart of `eoi train --model resnet|cifar-conv --dataset sample --epochs 1`:

  data     the embedded sample's sizes: 2700 training images 1 x 32 x 32 (28 x 28 digits zero-padded),
           300 validation and 1000 test images, 10 classes (random values: the time does not depend on them);
  epoch    shuffled batches of 128 (the last one short), SGD with Nesterov momentum 0.9, weight decay 1e-4,
           loss read back every step; then the validation and test sets evaluated in eval mode;
  models   ResNet-N (3 x 3 convs without bias, batch norm, 1 x 1 projection shortcuts, global average pool,
           Linear), CifarConv (3 x 3 circular convs with bias, tanh, two stride-2, AvgPool 2, Linear);
  masks    every conv and linear weight at the given density (uniform, random positions); density 1 is dense.

Prints torch's build configuration (check that BLAS is OpenBLAS, not the reference BLAS), then one line per
run: model, density, epoch seconds, peak RSS of the process so far.

Usage: python3 cnn_epoch.py --model resnet --depth 20 --width 16 --density 0.1 [--threads 2] [--seed 1]
"""
import argparse
import resource
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

TRAIN, VALIDATION, TEST, CLASSES, SIDE, BATCH = 2700, 300, 1000, 10, 32, 128


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = nn.Sequential()
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, 0, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        return F.relu(self.bn2(self.conv2(y)) + self.shortcut(x))


def resnet(depth, width):
    blocks = (depth - 2) // 6
    layers = [nn.Conv2d(1, width, 3, 1, 1, bias=False), nn.BatchNorm2d(width), nn.ReLU()]
    channels = width
    for stage in range(3):
        for block in range(blocks):
            layers.append(BasicBlock(channels, width << stage, 2 if stage > 0 and block == 0 else 1))
            channels = width << stage
    layers += [nn.AvgPool2d(SIDE // 4), nn.Flatten(), nn.Linear(channels, CLASSES)]
    return nn.Sequential(*layers)


def cifar_conv(depth, width):
    layers = []

    def conv(cin, stride):
        layers.extend([nn.Conv2d(cin, width, 3, stride, 1, padding_mode="circular"), nn.Tanh()])

    conv(1, 1)
    conv(width, 2)
    conv(width, 2)
    for _ in range(depth - 6):
        conv(width, 1)
    layers += [nn.AvgPool2d(2), nn.Flatten(), nn.Linear(width * (SIDE // 8) ** 2, CLASSES)]
    return nn.Sequential(*layers)


def evaluate(model, images, labels):
    model.eval()
    with torch.no_grad():
        for start in range(0, len(images), BATCH):
            F.cross_entropy(model(images[start:start + BATCH]), labels[start:start + BATCH]).item()
    model.train()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=["resnet", "cifar-conv"], required=True)
    parser.add_argument("--depth", type=int, required=True)
    parser.add_argument("--width", type=int, required=True)
    parser.add_argument("--density", type=float, default=0.1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quiet-config", action="store_true", help="do not print torch.__config__.show()")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    if not args.quiet_config:
        print(torch.__config__.show())
    model = resnet(args.depth, args.width) if args.model == "resnet" else cifar_conv(args.depth, args.width)
    masked = [(m.weight, (torch.rand_like(m.weight) < args.density).float())
              for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))] if args.density < 1 else []
    with torch.no_grad():
        for weight, mask in masked:
            weight.mul_(mask)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, nesterov=True, weight_decay=1e-4)
    images = {n: torch.rand(count, 1, SIDE, SIDE) * 2 - 1 for n, count in (("train", TRAIN), ("val", VALIDATION), ("test", TEST))}
    labels = {n: torch.randint(0, CLASSES, (len(x),)) for n, x in images.items()}

    start = time.perf_counter()
    order = torch.randperm(TRAIN)
    for first in range(0, TRAIN, BATCH):
        batch = order[first:first + BATCH]
        loss = F.cross_entropy(model(images["train"][batch]), labels["train"][batch])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        with torch.no_grad():
            for weight, mask in masked:
                weight.mul_(mask)
        loss.item()
    evaluate(model, images["val"], labels["val"])
    evaluate(model, images["test"], labels["test"])
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"torch {args.model} depth {args.depth} width {args.width} density {args.density} threads {args.threads}: "
          f"epoch {seconds:.2f} s, peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
