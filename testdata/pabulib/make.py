#!/usr/bin/env python3
"""Writes the small Pabulib files the tests use (a fixed seed, so the files never change
unless this script does). They are made up for the tests, not real elections: one file per
ballot type, with quoted fields (a semicolon, a doubled quote and a line break inside quotes)
and projects in sub-units. Run from this folder: python3 make.py

Each file has a twin, NAME-repeats.pb, with the same votes but some ballots naming a project
again (as real exports sometimes do): approval and choose-1 ballots repeat a project, ordinal
ballots name their first choice again further down, cumulative and scoring ballots give a
project other points a second time. pabutools reads a repetition as one entry (at its first
place, with the last points), and so must the engine, with a warning.

Run with a Python that has pabutools and it also writes pabutools.json, what pabutools funds
on each file under each rule (the engine's tests compare with it).
"""
import json
import random
import subprocess
import sys

BASE_FILES = ["approval.pb", "choose1.pb", "cumulative.pb", "ordinal.pb", "scoring.pb"]
FILES = BASE_FILES + [name.replace(".pb", "-repeats.pb") for name in BASE_FILES]
# The -points rules count points (Borda scores for ordinal ballots), so they see how a
# repeated project's points and place were read.
RULES = ["greedy", "mes", "mes-add1", "phragmen", "greedy-points", "mes-points"]

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

    repeats = random.Random(20261205)
    write("approval-repeats.pb", "approval", repeat_some(approval, repeats, repeat_any),
          [("min_length", 1), ("max_length", 4)], False)
    write("choose1-repeats.pb", "choose-1", repeat_some(choose1, repeats, repeat_any),
          [], False)
    write("ordinal-repeats.pb", "ordinal", repeat_some(ordinal, repeats, repeat_first_last),
          [("max_length", 3)], False)
    write("cumulative-repeats.pb", "cumulative",
          repeat_some(cumulative, repeats, repeat_with_points(1, 5, 10)),
          [("max_points", 5), ("max_sum_points", 10)], True)
    write("scoring-repeats.pb", "scoring",
          repeat_some(scoring, repeats, repeat_with_points(0, 4, None)),
          [("min_points", 0), ("max_points", 4)], True)


def repeat_some(rows, rng, repeat):
    """Every third ballot names one of its projects again."""
    return [repeat(row, rng) if i % 3 == 0 else row for i, row in enumerate(rows)]


def repeat_any(row, rng):
    vote, points, age = row
    again = rng.choice(vote)
    at = rng.randint(vote.index(again) + 1, len(vote))
    return (vote[:at] + [again] + vote[at:], points, age)


def repeat_first_last(row, rng):
    """The first choice named again last: read at the top, it keeps the highest score."""
    vote, points, age = row
    return (vote + [vote[0]], points, age)


def repeat_with_points(low, high, max_sum):
    """A project named again at the end with other points, which are the ones that count;
    the ballot as counted stays within max_sum."""
    def repeat(row, rng):
        vote, points, age = row
        at = rng.randrange(len(vote))
        others = sum(points) - points[at]
        choices = [p for p in range(low, high + 1)
                   if p != points[at] and (max_sum is None or others + p <= max_sum)]
        return (vote + [vote[at]], points + [rng.choice(choices)], age)
    return repeat


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
