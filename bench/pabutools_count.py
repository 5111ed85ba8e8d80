#!/usr/bin/env python3
"""Count one Pabulib file with the reference library pabutools and print one JSON object:
{"rule": ..., "selected": [ids], "parse_seconds": ..., "count_seconds": ...}, or
{"rule": ..., "timeout": true} when parsing and counting take longer than --timeout seconds
(default 60), or {"rule": ..., "not_applicable": "..."} when the rule refuses the ballots.

Usage: pabutools_count.py FILE RULE [--timeout SECONDS]

Rules, with pabutools' defaults (exact fractions, lexicographic tie-breaking):
  greedy       greedy_utilitarian_welfare, Cost_Sat
  greedy-card  greedy_utilitarian_welfare, Cardinality_Sat
  mes          method_of_equal_shares, Cost_Sat
  mes-card     method_of_equal_shares, Cardinality_Sat
  mes-add1     method_of_equal_shares with voter_budget_increment=1, then a greedy fill
               (completion_by_rule_combination), Cost_Sat
  phragmen     sequential_phragmen (approval and choose-1 ballots only)
  greedy-points  greedy_utilitarian_welfare counting points: Additive_Cardinal_Sat for
               cumulative and scoring ballots, Additive_Borda_Sat for ordinal ones
               (not applicable to approval and choose-1 ballots)
  mes-points   method_of_equal_shares counting points, likewise
"""
import json
import signal
import sys
import time

from pabutools.election import (
    Additive_Borda_Sat,
    Additive_Cardinal_Sat,
    Cardinality_Sat,
    Cost_Sat,
    parse_pabulib,
)
from pabutools.rules import (
    completion_by_rule_combination,
    greedy_utilitarian_welfare,
    method_of_equal_shares,
    sequential_phragmen,
)


def points_sat(instance):
    """The satisfaction that counts a ballot's points (Borda scores for rankings)."""
    vote_type = instance.meta["vote_type"]
    if vote_type in ("cumulative", "scoring"):
        return Additive_Cardinal_Sat
    if vote_type == "ordinal":
        return Additive_Borda_Sat
    raise ValueError(f"{vote_type} ballots carry no points")


def count(instance, profile, rule):
    if rule == "greedy":
        return greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat)
    if rule == "greedy-card":
        return greedy_utilitarian_welfare(instance, profile, sat_class=Cardinality_Sat)
    if rule == "mes":
        return method_of_equal_shares(instance, profile, sat_class=Cost_Sat)
    if rule == "mes-card":
        return method_of_equal_shares(instance, profile, sat_class=Cardinality_Sat)
    if rule == "mes-add1":
        return completion_by_rule_combination(
            instance,
            profile,
            [method_of_equal_shares, greedy_utilitarian_welfare],
            [{"sat_class": Cost_Sat, "voter_budget_increment": 1}, {"sat_class": Cost_Sat}],
        )
    if rule == "phragmen":
        return sequential_phragmen(instance, profile)
    if rule == "greedy-points":
        return greedy_utilitarian_welfare(instance, profile, sat_class=points_sat(instance))
    if rule == "mes-points":
        return method_of_equal_shares(instance, profile, sat_class=points_sat(instance))
    raise SystemExit(f"unknown rule {rule}")


class TimeUp(Exception):
    pass


def on_alarm(signum, frame):
    raise TimeUp()


def main():
    path, rule = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[sys.argv.index("--timeout") + 1]) if "--timeout" in sys.argv else 60
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(limit)
    started = time.perf_counter()
    try:
        instance, profile = parse_pabulib(path)
        parsed = time.perf_counter()
        outcome = count(instance, profile, rule)
        done = time.perf_counter()
    except TimeUp:
        print(json.dumps({"rule": rule, "timeout": True, "limit_seconds": limit}))
        return
    except ValueError as refused:
        print(json.dumps({"rule": rule, "not_applicable": str(refused)}))
        return
    signal.alarm(0)
    print(json.dumps({
        "rule": rule,
        "selected": sorted(p.name for p in outcome),
        "parse_seconds": parsed - started,
        "count_seconds": done - parsed,
    }))


if __name__ == "__main__":
    main()
