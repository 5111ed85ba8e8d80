"""Reproducible synthetic social networks for the network benchmark.

Each graph has n people in neighbourhood-sized groups (20 to 200 people); every person
makes five ties, four in five inside their own group and the rest to someone elsewhere
chosen in proportion to how connected they already are (so a few become hubs, as in real
communities). Average degree is about 10. The same (n, seed) always gives the same graph:
Python's random.Random is specified to be reproducible across platforms and versions.

Usage: network_graphs.py N SEED OUT.csv
"""

import random
import sys


def generate(n, seed):
    rng = random.Random(seed)
    groups = []
    start = 0
    while start < n:
        size = min(rng.randint(20, 200), n - start)
        groups.append((start, start + size))
        start += size
    group_of = [0] * n
    for g, (a, b) in enumerate(groups):
        for v in range(a, b):
            group_of[v] = g
    edges = set()
    endpoints = []  # every tie's two ends: picking one is picking by degree
    for v in range(n):
        a, b = groups[group_of[v]]
        for _ in range(5):
            for _attempt in range(10):
                if rng.random() < 0.8 or not endpoints:
                    w = rng.randrange(a, b)
                else:
                    w = rng.choice(endpoints)
                pair = (min(v, w), max(v, w))
                if w != v and pair not in edges:
                    edges.add(pair)
                    endpoints.extend(pair)
                    break
    return sorted(edges)


def main():
    n, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    with open(out, "w") as f:
        f.write("source,target\n")
        for a, b in generate(n, seed):
            f.write(f"p{a},p{b}\n")


if __name__ == "__main__":
    main()
