#!/usr/bin/env python3
"""Whole-process start-up time of command lines, measured side by side.

Runs every command once per round, in turn, for --runs rounds (after --warmup rounds that are not counted), so a
change in machine load hits all of them alike; prints a Markdown table of the median and minimum wall time and the
median CPU time (user + system, from wait4) of each, and the ratio of each median to the first command's.

usage: benchmarks/startup/measure.py [--runs N] [--warmup N] NAME=COMMAND [NAME=COMMAND ...]
  e.g. measure.py --runs 21 'JIT=src/Eoi.Cli/bin/Release/net10.0/eoi --version' 'AOT=/tmp/eoi-aot/eoi --version'
"""
import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(argv):
    """Wall seconds and CPU seconds of one run; raises if the command fails."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if process.returncode != 0:
        raise SystemExit(f"error: {shlex.join(argv)} exited {process.returncode}: {stderr.strip()}")
    return wall, usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="counted rounds (at least 1; default 21)")
    parser.add_argument("--warmup", type=int, default=3, help="uncounted rounds first (default 3)")
    parser.add_argument("commands", nargs="+", metavar="NAME=COMMAND")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error(f"--runs must be at least 1; got {args.runs}")
    if args.warmup < 0:
        parser.error(f"--warmup must be at least 0; got {args.warmup}")
    commands = []
    for item in args.commands:
        name, sep, command = item.partition("=")
        if not sep or not name or not command.strip():
            parser.error(f"each command must be NAME=COMMAND; got {item!r}")
        commands.append((name, shlex.split(command)))

    walls = {name: [] for name, _ in commands}
    cpus = {name: [] for name, _ in commands}
    for round_number in range(args.warmup + args.runs):
        for name, argv in commands:
            wall, cpu = run_once(argv)
            if round_number >= args.warmup:
                walls[name].append(wall)
                cpus[name].append(cpu)

    first = statistics.median(walls[commands[0][0]])
    print(f"{args.runs} rounds after {args.warmup} warm-up rounds; load average {os.getloadavg()[0]:.1f} at the end")
    print()
    print("| variant | median wall | min wall | median CPU (user + sys) | median / first |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, _ in commands:
        median = statistics.median(walls[name])
        print(f"| {name} | {median * 1000:.0f} ms | {min(walls[name]) * 1000:.0f} ms | "
              f"{statistics.median(cpus[name]) * 1000:.0f} ms | {median / first:.2f} |")


if __name__ == "__main__":
    sys.exit(main())
