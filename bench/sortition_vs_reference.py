#!/usr/bin/env python3
"""Times Square Mile's jury selection and the Sortition Foundation's sortition-algorithms
(PyPI, with its default HiGHS solver) side by side, in one run on this machine, on
reproducible synthetic pools of volunteers, and compares the fairness they reach.

sortition-algorithms' leximin needs the commercial Gurobi solver, so the reference here is
its maximin method: it maximises the lowest selection probability, which is exactly the first
level of leximin, so both must reach the same minimum probability. Square Mile's leximin
then goes on to raise the second lowest, and so on. Square Mile's legacy method is timed too,
with its minimum probability estimated from 2,000 repeated draws.

Pools: 1,000 volunteers with 5 features and a panel of 40; 5,000 with 7 features and a panel
of 100. Volunteers are drawn with the skew real invitation rounds see (older, home-owning and
degree-holding people answer more often) and the quotas follow the population, so some
volunteers are hard to include, as in practice.

With --paper, it runs instead the two instances published with the replication material of
the Nature paper (github.com/pgoelz/citizensassemblies-replication, data/example_small_20 and
data/example_large_200), rebuilt here from their description: a pool of n people in
three kinds, one woman who is conservative, n/2 - 1 liberal women and n/2 conservative men,
with every gender and leaning between k/2 - 1 and k people on a panel of k = n/10. It
compares the minimum probabilities with the published ones (and the paper's running times,
measured on the authors' machine with Gurobi).

With --pools-only, it only writes the pools' files (target/bench-sortition/<size>/people.csv
and categories.csv), for `cargo run --release -p sortition --example leximin_bench`. Size
1727 is shaped like the largest instance of the Nature paper (sf_e: 1,727 volunteers,
7 features, panel of 110).

Usage: bench/sortition_vs_reference.py [--python PY] [--sizes 1000,5000] [--timeout SECONDS]
    [--paper] [--write] [--pools-only]
(--timeout, default 2400: the reference is stopped and reported unfinished after this long.)
"""
import json
import os
import random
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "target", "bench-sortition")
SQUAREMILE = os.path.join(ROOT, "target", "release", "squaremile")

# (feature, [(value, share in the population, how much likelier to volunteer)])
FEATURES = [
    ("gender", [("woman", 0.51, 1.1), ("man", 0.48, 0.9), ("non-binary", 0.01, 1.0)]),
    ("age", [("16-24", 0.14, 0.5), ("25-39", 0.26, 0.8), ("40-54", 0.24, 1.0),
             ("55-69", 0.21, 1.4), ("70+", 0.15, 1.2)]),
    ("area", [(f"ward {i}", s, 1.0 + 0.1 * i) for i, s in
              enumerate([0.22, 0.19, 0.17, 0.16, 0.14, 0.12])]),
    ("tenure", [("owner", 0.55, 1.5), ("private renter", 0.25, 0.7), ("social renter", 0.20, 0.6)]),
    ("education", [("degree", 0.33, 1.8), ("school", 0.47, 0.8), ("none", 0.20, 0.5)]),
    ("ethnicity", [("white", 0.80, 1.0), ("asian", 0.09, 0.8), ("black", 0.05, 0.7),
                   ("mixed or other", 0.06, 0.9)]),
    ("disability", [("no", 0.82, 1.0), ("yes", 0.18, 0.8)]),
]
# pool size: (features, panel size, leximin round limit); 1727 is shaped like the paper's sf_e. The full leximin on the 5,000 pool
# takes hours with the pure-Rust LP solver, so it runs with `--max-rounds` there: its first
# level, the maximin the reference computes, finishes within the limit.
POOLS = {1000: (5, 40, None), 1727: (7, 110, None), 5000: (7, 100, 300)}

REFERENCE = r'''
import json, sys, time
from sortition_algorithms import Settings
from sortition_algorithms.adapters import CSVStringDataSource, SelectionData
from sortition_algorithms.committee_generation.maximin import find_distribution_maximin
people_csv, categories_csv, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = SelectionData(CSVStringDataSource(open(categories_csv).read(), open(people_csv).read()))
features, _ = data.load_features(size)
settings = Settings(id_column="id", columns_to_keep=[])
people, _ = data.load_people(settings, features)
started = time.perf_counter()
committees, weights, _ = find_distribution_maximin(features, people, size, [])
seconds = time.perf_counter() - started
chance = {p: 0.0 for p in people}
for committee, w in zip(committees, weights):
    for p in committee:
        chance[p] += w
print(json.dumps({"seconds": seconds, "min_probability": min(chance.values())}))
'''


def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def generate(n, features, size, seed=1):
    """Writes people.csv and categories.csv for a pool of n; returns their paths."""
    rng = random.Random(seed)
    folder = os.path.join(OUT, str(n))
    os.makedirs(folder, exist_ok=True)
    chosen = FEATURES[:features]
    rows = []
    for i in range(n):
        values = []
        for _, options in chosen:
            weights = [share * pull for _, share, pull in options]
            values.append(rng.choices([v for v, _, _ in options], weights)[0])
        rows.append([str(i + 1)] + values)
    people = os.path.join(folder, "people.csv")
    with open(people, "w") as f:
        f.write(",".join(["id"] + [name for name, _ in chosen]) + "\n")
        f.writelines(",".join(r) + "\n" for r in rows)
    categories = os.path.join(folder, "categories.csv")
    with open(categories, "w") as f:
        f.write("feature,value,min,max\n")
        for name, options in chosen:
            for value, share, _ in options:
                target = share * size
                low, high = int(target * 0.9), int(target * 1.1 + 0.999)
                f.write(f"{name},{value},{low},{max(high, 1)}\n")
    return people, categories


def squaremile(people, categories, size, method, max_rounds=None):
    started = time.perf_counter()
    limit = ["--max-rounds", str(max_rounds)] if max_rounds is not None else []
    out = subprocess.run([SQUAREMILE, "jury", "select", "--people", people, "--categories",
                          categories, "--size", str(size), "--method", method, "--json"]
                         + limit, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if out.returncode != 0:
        sys.exit(f"squaremile failed: {out.stderr}")
    result = json.loads(out.stdout)
    panels = f"{result['panels']} panels"
    if not result["complete"]:
        panels += f"; stopped at {max_rounds} rounds"
    return seconds, result["min_probability"], panels


def reference(python, people, categories, size, timeout):
    """The reference's time and lowest probability, or None if it is still running after
    `timeout` seconds."""
    try:
        out = subprocess.run([python, "-c", REFERENCE, people, categories, str(size)],
                             capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if out.returncode != 0:
        sys.exit(f"sortition-algorithms failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# (instance, pool, panel, published LEXIMIN minimum, published LEGACY minimum bound,
#  published LEXIMIN median time in seconds)
PAPER = [
    ("example_small_20", 200, 20, 0.100, 0.0121, 2.7),
    ("example_large_200", 2000, 200, 0.100, 0.0025, 1161.8),
]


def paper_instance(name, n, k):
    """The replication material's example: one conservative woman, n/2 - 1 liberal women,
    n/2 conservative men; each gender and leaning between k/2 - 1 and k."""
    folder = os.path.join(OUT, name)
    os.makedirs(folder, exist_ok=True)
    kinds = [("female", "conservative")] + [("female", "liberal")] * (n // 2 - 1) \
        + [("male", "conservative")] * (n // 2)
    people = os.path.join(folder, "people.csv")
    with open(people, "w") as f:
        f.write("id,gender,leaning\n")
        f.writelines(f"{i + 1},{g},{l}\n" for i, (g, l) in enumerate(kinds))
    categories = os.path.join(folder, "categories.csv")
    with open(categories, "w") as f:
        f.write("feature,value,min,max\n")
        for feature, value in [("gender", "female"), ("gender", "male"),
                               ("leaning", "liberal"), ("leaning", "conservative")]:
            f.write(f"{feature},{value},{k // 2 - 1},{k}\n")
    return people, categories


def paper():
    lines = ["| instance | pool | panel | Square Mile leximin | min probability | published "
             "LEXIMIN min | published LEXIMIN time (Gurobi) | Square Mile legacy min (estimated) "
             "| published LEGACY min (99% bound) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, n, k, leximin_min, legacy_bound, paper_seconds in PAPER:
        people, categories = paper_instance(name, n, k)
        ours, ours_min, panels = squaremile(people, categories, k, "leximin")
        _, legacy_min, _ = squaremile(people, categories, k, "legacy")
        lines.append(
            f"| {name} | {n:,} | {k} | {ours:.2f} s ({panels}) | {ours_min:.4f} | "
            f"{leximin_min:.4f} | {paper_seconds} s | {legacy_min:.4f} | ≤ {legacy_bound:.4f} |")
        print(lines[-1], flush=True)
    return "\n".join(lines)


def main():
    if "--pools-only" in sys.argv:
        for n in [int(s) for s in arg("--sizes", "1000,1727,5000").split(",")]:
            features, size, _ = POOLS[n]
            print(*generate(n, features, size), f"panel {size}")
        return
    if "--paper" in sys.argv:
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "squaremile"], cwd=ROOT,
                       check=True)
        table = paper()
        print(table)
        if "--write" in sys.argv:
            write_table(table, "sortition-paper")
        return
    python = arg("--python", os.path.join(ROOT, "target", "pabutools-venv", "bin", "python"))
    sizes = [int(s) for s in arg("--sizes", "1000,5000").split(",")]
    timeout = float(arg("--timeout", "2400"))
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "squaremile"], cwd=ROOT, check=True)
    lines = ["| pool | features | panel | Square Mile leximin | min probability | "
             "sortition-algorithms maximin (HiGHS) | min probability | ratio | "
             "Square Mile legacy | min probability (estimated) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n in sizes:
        features, size, max_rounds = POOLS[n]
        people, categories = generate(n, features, size)
        ours, ours_min, panels = squaremile(people, categories, size, "leximin", max_rounds)
        ref = reference(python, people, categories, size, timeout)
        if ref is None:
            ref_cells = f"unfinished after {timeout:.0f} s | – | > {timeout / ours:.1f}x"
        else:
            ref_cells = (f"{ref['seconds']:.2f} s | {ref['min_probability']:.4f} | "
                         f"{ref['seconds'] / ours:.1f}x")
        legacy, legacy_min, _ = squaremile(people, categories, size, "legacy")
        lines.append(
            f"| {n:,} | {features} | {size} | {ours:.2f} s ({panels}) | {ours_min:.4f} | "
            f"{ref_cells} | {legacy:.2f} s | {legacy_min:.4f} |")
        print(lines[-1], flush=True)
    table = "\n".join(lines)
    print(table)
    if "--write" in sys.argv:
        write_table(table, "sortition-benchmark")


def write_table(table, marker):
    """Puts the table between the marker comments in BENCHMARKS.md."""
    path = os.path.join(ROOT, "BENCHMARKS.md")
    text = open(path).read()
    begin, end = f"<!-- {marker}:begin -->", f"<!-- {marker}:end -->"
    text = re.sub(re.escape(begin) + ".*?" + re.escape(end),
                  lambda _: f"{begin}\n{table}\n{end}", text, flags=re.S)
    open(path, "w").write(text)


if __name__ == "__main__":
    main()
