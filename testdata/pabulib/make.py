#!/usr/bin/env python3
"""Writes the small Pabulib files the tests use (a fixed seed, so the files never change
unless this script does). They are made up for the tests, not real elections: one file per
ballot type, with quoted fields (a semicolon, a doubled quote and a line break inside quotes)
and projects in sub-units. Run from this folder: python3 make.py

Run with a Python that has pabutools and it also writes pabutools.json, what pabutools funds
on each file under each rule (the engine's tests compare with it).
"""
import json
import random
import subprocess
import sys

FILES = ["approval.pb", "choose1.pb", "cumulative.pb", "ordinal.pb", "scoring.pb"]
RULES = ["greedy", "mes", "mes-add1", "phragmen"]

PROJECTS = [
    # id, cost, name, subunit
    ("1", 40000, "Benches; shade and water on the Green", "North"),
    ("2", 25000, 'The "Friday" youth club', "North"),
    ("3", 60000, "Safe crossing at Mill Lane", "South"),
    ("4", 15000, "Community fridge", "South"),
    ("5", 80000, "Playground renewal,\nphase one", "North"),
    ("6", 10000, "Bike repair stand", "South"),
    ("7", 35000, "Trees for Canal Street", "South"),
    ("8", 5000, "Noticeboards in three languages", "North"),
]
BUDGET = 150000


def quote(field):
    field = str(field)
    if any(c in field for c in ';"\n'):
        return '"' + field.replace('"', '""') + '"'
    return field


def write(name, vote_type, rows, extra_meta, with_points):
    lines = ["META", "key;value"]
    meta = [
        ("description", "Made-up election for the tests; \"" + vote_type + "\" ballots"),
        ("country", "Nowhere"),
        ("unit", "Millbrook"),
        ("instance", "2026"),
        ("num_projects", len(PROJECTS)),
        ("num_votes", len(rows)),
        ("budget", BUDGET),
        ("vote_type", vote_type),
        ("rule", "greedy"),
        ("currency", "GBP"),
    ] + extra_meta
    lines += [f"{quote(k)};{quote(v)}" for k, v in meta]
    lines += ["PROJECTS", "project_id;cost;name;subunit"]
    lines += [";".join(quote(f) for f in p) for p in PROJECTS]
    lines += ["VOTES", "voter_id;vote;points;age" if with_points else "voter_id;vote;age"]
    for voter, (vote, points, age) in enumerate(rows, start=1):
        fields = [f"v{voter:03}", ",".join(vote)]
        if with_points:
            fields.append(",".join(str(p) for p in points))
        fields.append(str(age))
        lines.append(";".join(quote(f) for f in fields))
    with open(name, "w", encoding="utf-8", newline="\n") as out:
        out.write("\n".join(lines) + "\n")


def main():
    rng = random.Random(20261204)
    ids = [p[0] for p in PROJECTS]
    # Popularity differs per project, so the rules disagree in interesting ways.
    weight = {"1": 6, "2": 3, "3": 5, "4": 4, "5": 7, "6": 2, "7": 3, "8": 1}

    def pick(k):
        chosen = []
        pool = list(ids)
        while len(chosen) < k:
            total = sum(weight[p] for p in pool)
            r = rng.uniform(0, total)
            for p in pool:
                r -= weight[p]
                if r <= 0:
                    break
            chosen.append(p)
            pool.remove(p)
        return chosen

    def age():
        return rng.randint(16, 90)

    approval = [(sorted(pick(rng.randint(1, 4)), key=int), [], age()) for _ in range(41)]
    write("approval.pb", "approval", approval,
          [("min_length", 1), ("max_length", 4)], False)

    cumulative = []
    for _ in range(37):
        vote = pick(rng.randint(1, 3))
        points = [rng.randint(1, 3) for _ in vote]
        cumulative.append((vote, points, age()))
    write("cumulative.pb", "cumulative", cumulative,
          [("max_points", 5), ("max_sum_points", 10)], True)

    ordinal = [(pick(rng.randint(1, 3)), [], age()) for _ in range(33)]
    write("ordinal.pb", "ordinal", ordinal, [("max_length", 3)], False)

    scoring = []
    for _ in range(29):
        vote = pick(rng.randint(2, 5))
        points = [rng.randint(0, 4) for _ in vote]
        scoring.append((vote, points, age()))
    write("scoring.pb", "scoring", scoring,
          [("min_points", 0), ("max_points", 4)], True)

    choose1 = [(pick(1), [], age()) for _ in range(23)]
    write("choose1.pb", "choose-1", choose1, [], False)


def record_pabutools_answers():
    try:
        import importlib.metadata as metadata
        version = metadata.version("pabutools")
    except Exception:
        print("pabutools is not installed here: pabutools.json left as it is")
        return
    answers = {}
    for name in FILES:
        answers[name] = {}
        for rule in RULES:
            out = subprocess.check_output(
                [sys.executable, "../../bench/pabutools_count.py", name, rule])
            answer = json.loads(out)
            answers[name][rule] = answer.get("selected")
    recorded = {
        "_comment": f"What pabutools {version} funds on each file here "
                    "(bench/pabutools_count.py; null: the rule does not take these ballots). "
                    "Written by make.py; the cross-check recomputes it when PABUTOOLS_PYTHON is set.",
        "files": answers,
    }
    with open("pabutools.json", "w", encoding="utf-8") as out:
        json.dump(recorded, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
    record_pabutools_answers()
