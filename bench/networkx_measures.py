"""The reference for the network engine's cross-check: NetworkX's measures on four classic
social networks that ship with NetworkX (Zachary's karate club, Les Miserables, the
Florentine families, the Davis Southern Women projection onto the women).

Usage: networkx_measures.py OUT_DIR
Writes OUT_DIR/<name>.json (the graph, node-link JSON) and prints one JSON object:
{name: {"file": path, "measures": {measure: {node id: value}}, "modularity": .., ...}}.
Run by crates/network/tests/it/crosscheck.rs with NETWORKX_PYTHON.
"""

import json
import math
import os
import sys

import networkx as nx
from networkx.algorithms import bipartite


def graphs():
    davis = nx.davis_southern_women_graph()
    women = [n for n, d in davis.nodes(data=True) if d["bipartite"] == 0]
    return {
        "karate": nx.karate_club_graph(),
        "les_miserables": nx.les_miserables_graph(),
        "florentine": nx.florentine_families_graph(),
        "davis_women": bipartite.weighted_projected_graph(davis, women),
    }


def clean(values):
    return {str(k): (None if isinstance(v, float) and math.isnan(v) else v) for k, v in values.items()}


def measures(g):
    return {
        "degree": dict(g.degree()),
        "strength": dict(g.degree(weight="weight")),
        "betweenness": nx.betweenness_centrality(g),
        "betweenness_weighted": nx.betweenness_centrality(g, weight="weight"),
        "closeness": nx.closeness_centrality(g),
        "closeness_weighted": nx.closeness_centrality(g, distance="weight"),
        "harmonic": nx.harmonic_centrality(g),
        "eigenvector": nx.eigenvector_centrality_numpy(g),
        "pagerank": nx.pagerank(g, tol=1e-14, max_iter=100000),
        "core": nx.core_number(g),
        "clustering": nx.clustering(g),
        "constraint": nx.constraint(g),
        "effective_size": nx.effective_size(g),
    }


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    result = {}
    for name, g in graphs().items():
        g = nx.relabel_nodes(g, {n: str(n) for n in g})
        for _, _, d in g.edges(data=True):
            d.setdefault("weight", 1)
        path = os.path.join(out_dir, name + ".json")
        with open(path, "w") as f:
            json.dump(nx.node_link_data(g, edges="links"), f)
        louvain = nx.community.louvain_communities(g, seed=1, weight="weight")
        result[name] = {
            "file": path,
            "measures": {k: clean(v) for k, v in measures(g).items()},
            "louvain_modularity": nx.community.modularity(g, louvain, weight="weight"),
            "components": nx.number_connected_components(g),
            "bridges": sorted(sorted([u, v]) for u, v in nx.bridges(g)),
            "articulation_points": sorted(nx.articulation_points(g)),
        }
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
