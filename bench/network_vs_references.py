#!/usr/bin/env python3
"""Times NetworkX, igraph and Square Mile's network engine side by side, in one run on this
machine, on reproducible synthetic social networks (bench/network_graphs.py) of 1,000,
10,000 and 100,000 people (and 2,000 for the layout target): betweenness (exact,
unweighted), closeness, PageRank, communities and layout. Prints a Markdown table and, with
--write, replaces the table in BENCHMARKS.md between its markers.

Each tool is timed on the computation only (the graph already loaded), once.
- Square Mile: crates/network/examples/timings.rs (release build), both cores.
- NetworkX: where a full run would take more than a few minutes (betweenness and closeness
  on 10,000 nodes and up), it is run from a random sample of sources and the time scaled up
  to all n sources (marked "~"): both algorithms do one search per source.
- igraph (C, one core): communities by multilevel (Louvain) and Leiden (modularity);
  layout by Fruchterman-Reingold (igraph has no ForceAtlas2). Exact betweenness and
  closeness on 100,000 nodes are left out for all three tools (hours each), and NetworkX's
  ForceAtlas2 above 2,000 nodes (it compares every pair of nodes on every iteration).

Usage: bench/network_vs_references.py [--python PY] [--sizes 1000,10000] [--write]
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GRAPHS = os.path.join(ROOT, "target", "bench-graphs")
TIMINGS = os.path.join(ROOT, "target", "release", "examples", "timings")

REFERENCE = r'''
import csv, json, random, sys, time
import networkx as nx
import igraph as ig
path, n, tool = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rows = list(csv.reader(open(path)))[1:]
out = {}
def timed(name, f):
    t = time.perf_counter(); r = f(); out[name] = time.perf_counter() - t; return r
if tool == "networkx":
    g = nx.Graph(); g.add_edges_from(rows)
    big = n > 2000
    if n <= 10000:
        k = 100 if big else None
        timed("betweenness", lambda: nx.betweenness_centrality(g, k=k, seed=1))
        if big:
            out["betweenness"] *= n / k; out["betweenness_scaled"] = True
        nodes = random.Random(1).sample(list(g), 100) if big else None
        if big:
            timed("closeness", lambda: [nx.closeness_centrality(g, u=u) for u in nodes])
            out["closeness"] *= n / 100; out["closeness_scaled"] = True
        else:
            timed("closeness", lambda: nx.closeness_centrality(g))
    timed("pagerank", lambda: nx.pagerank(g))
    c = timed("louvain", lambda: nx.community.louvain_communities(g, seed=1))
    out["louvain_modularity"] = nx.community.modularity(g, c)
    if n <= 2000:
        timed("layout", lambda: nx.forceatlas2_layout(g, seed=1, max_iter=300))
else:
    names = {}
    edges = [(names.setdefault(a, len(names)), names.setdefault(b, len(names))) for a, b in rows]
    g = ig.Graph(n=len(names), edges=edges)
    if n <= 10000:
        timed("betweenness", lambda: g.betweenness())
        timed("closeness", lambda: g.closeness())
    timed("pagerank", lambda: g.pagerank())
    c = timed("louvain", lambda: g.community_multilevel())
    out["louvain_modularity"] = g.modularity(c)
    c = timed("leiden", lambda: g.community_leiden(objective_function="modularity", n_iterations=-1))
    out["leiden_modularity"] = g.modularity(c)
    if n <= 10000:
        timed("layout", lambda: g.layout_fruchterman_reingold(niter=300))
print(json.dumps(out))
'''

TASKS = ["betweenness", "closeness", "pagerank", "louvain", "leiden", "layout"]


def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def graph(n):
    os.makedirs(GRAPHS, exist_ok=True)
    path = os.path.join(GRAPHS, f"social_{n}.csv")
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "network_graphs.py"), str(n), "1", path], check=True)
    return path


def ours(path, n):
    tasks = TASKS if n <= 10000 else ["pagerank", "louvain", "leiden"]
    run = subprocess.run([TIMINGS, path, *tasks], capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def reference(python, path, n, tool):
    run = subprocess.run([python, "-c", REFERENCE, path, str(n), tool], capture_output=True, text=True)
    if run.returncode != 0:
        sys.stderr.write(run.stderr)
        return {}
    return json.loads(run.stdout)


def seconds(x, scaled=False):
    if x is None:
        return "n/a"
    text = f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"
    return ("~" + text) if scaled else text


def ratio(theirs, mine):
    if theirs is None or mine is None or mine == 0:
        return ""
    return f"{theirs / mine:.1f}x" if theirs / mine < 10 else f"{theirs / mine:.0f}x"


def main():
    python = arg("--python", os.path.join(ROOT, "target", "pabutools-venv", "bin", "python"))
    sizes = [int(s) for s in arg("--sizes", "1000,2000,10000,100000").split(",")]
    subprocess.run(["cargo", "build", "--release", "-p", "network", "--example", "timings"], cwd=ROOT, check=True,
                   capture_output=True)
    lines = [
        "| nodes | task | Square Mile | igraph | NetworkX | vs igraph | vs NetworkX | modularity (ours / igraph / NetworkX) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for n in sizes:
        path = graph(n)
        mine = ours(path, n)
        ig_times = reference(python, path, n, "igraph")
        nx_times = reference(python, path, n, "networkx")
        for task in TASKS:
            if task not in mine:
                continue
            if n == 2000 and task != "layout":
                continue
            theirs_ig = ig_times.get(task) if task != "leiden" else ig_times.get("leiden")
            theirs_nx = nx_times.get(task) if task != "leiden" else None
            modularity = ""
            if task in ("louvain", "leiden"):
                modularity = " / ".join(
                    f"{x:.4f}" if x is not None else "n/a"
                    for x in (mine.get(f"{task}_modularity"), ig_times.get(f"{task}_modularity"),
                              nx_times.get("louvain_modularity") if task == "louvain" else None))
            lines.append(
                f"| {n:,} | {task} | {seconds(mine[task])} | {seconds(theirs_ig)} | "
                f"{seconds(theirs_nx, nx_times.get(task + '_scaled', False))} | {ratio(theirs_ig, mine[task])} | "
                f"{ratio(theirs_nx, mine[task])} | {modularity} |")
        print(f"done {n}", file=sys.stderr)
    table = "\n".join(lines)
    print(table)
    if "--write" in sys.argv:
        path = os.path.join(ROOT, "BENCHMARKS.md")
        text = open(path).read()
        block = f"<!-- network-benchmark:begin -->\n{table}\n<!-- network-benchmark:end -->"
        if "<!-- network-benchmark:begin -->" in text:
            text = re.sub(r"<!-- network-benchmark:begin -->.*<!-- network-benchmark:end -->", lambda _: block, text,
                          flags=re.S)
        else:
            text += "\n" + block + "\n"
        open(path, "w").write(text)


if __name__ == "__main__":
    main()
