#!/usr/bin/env python3
"""Times pabutools and Square Mile's engine side by side, in one run on this machine, on the
five largest Pabulib files: parse + count, per rule. Prints a Markdown table (and, with
--write, replaces the table in BENCHMARKS.md between its markers).

Square Mile: the whole `squaremile pb count FILE --rule R --json` command (process start,
reading, parsing, counting), best of 3, and its peak memory (maximum resident set size).
pabutools: parse + count inside one Python process (interpreter start and imports not
counted), once, stopped after --limit seconds (default 600).

Usage: bench/pb_vs_pabutools.py [--python PY] [--limit S] [--only NAME] [--write]
Needs the release binary (cargo build --release) and a Python with pabutools.
"""
import json
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "pabulib")
FILES = [
    "Poland_Lodz_2022.pb",
    "Poland_Warszawa_2026.pb",
    "Poland_Krakow_2024.pb",
    "Poland_Katowice_2023.pb",
    "Poland_Wroclaw_2015_150_-_500.pb",
]
RULES = ["greedy", "mes", "mes-add1", "phragmen"]
BINARY = os.path.join(ROOT, "target", "release", "squaremile")


def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def ours(path, rule):
    best = None
    memory = None
    result = None
    for _ in range(3):
        started = time.perf_counter()
        run = subprocess.run(
            ["/usr/bin/time", "-f", "%M", BINARY, "pb", "count", path, "--rule", rule, "--json"],
            capture_output=True, text=True,
        )
        elapsed = time.perf_counter() - started
        if run.returncode != 0:
            return None, None, run.stderr.strip().splitlines()[0]
        memory = int(run.stderr.strip().splitlines()[-1]) * 1024
        result = json.loads(run.stdout)
        best = elapsed if best is None else min(best, elapsed)
    return best, memory, result


def reference(python, path, rule, limit):
    run = subprocess.run(
        [python, os.path.join(ROOT, "bench", "pabutools_count.py"), path, rule, "--timeout", str(limit)],
        capture_output=True, text=True,
    )
    if run.returncode != 0:
        return None, run.stderr.strip().splitlines()[-1]
    return None, json.loads(run.stdout)


def main():
    python = arg("--python", os.environ.get("PABUTOOLS_PYTHON", "python3"))
    limit = int(arg("--limit", "600"))
    rows = ["| file | size | rule | Square Mile | peak memory | pabutools | speed-up | same winners |",
            "|---|---|---|---|---|---|---|---|"]
    only = arg("--only", None)
    for name in FILES:
        if only and only not in name:
            continue
        path = os.path.join(DATA, name)
        size = os.path.getsize(path)
        for rule in RULES:
            seconds, memory, result = ours(path, rule)
            if seconds is None:
                rows.append(f"| {name} | {size/1e6:.1f} MB | {rule} | n/a ({result}) | | | | |")
                continue
            _, ref = reference(python, path, rule, limit)
            if isinstance(ref, str) or "not_applicable" in ref:
                theirs, ratio, same = "n/a", "", ""
            elif ref.get("timeout"):
                theirs, ratio, same = f"> {limit} s", f"> {limit / seconds:,.0f}x", "not known"
            else:
                total = ref["parse_seconds"] + ref["count_seconds"]
                theirs = f"{total:.2f} s"
                ratio = f"{total / seconds:,.0f}x"
                same = "yes" if sorted(ref["selected"]) == sorted(result["selected"]) else "**no**"
            rows.append(f"| {name} | {size/1e6:.1f} MB | {rule} | {seconds*1000:.0f} ms | "
                        f"{memory/1e6:.0f} MB ({memory/size:.1f}x file) | {theirs} | {ratio} | {same} |")
            print(rows[-1], file=sys.stderr, flush=True)
    table = "\n".join(rows)
    print(table)
    if "--write" in sys.argv:
        path = os.path.join(ROOT, "BENCHMARKS.md")
        text = open(path).read()
        begin, end = "<!-- pb-benchmark:begin -->", "<!-- pb-benchmark:end -->"
        block = f"{begin}\n{table}\n{end}"
        text = re.sub(re.escape(begin) + ".*?" + re.escape(end), block, text, flags=re.S) if begin in text else text + "\n" + block + "\n"
        open(path, "w").write(text)


if __name__ == "__main__":
    main()
