#!/usr/bin/env python3
"""Record pabutools' answers on the whole Pabulib collection, for the cross-check test.

Computing them takes pabutools about 45 minutes of CPU, which a CI run cannot spend each time,
so the answers are kept in the repository (testdata/pabulib/collection-pabutools.json) and the
test compares the engine with them; each run also recomputes a sample of them with pabutools
itself, so a stale or wrong record fails (crates/pb/tests/it/crosscheck.rs).

Usage: record_collection_answers.py COLLECTION_DIR CACHE_DIR OUT.json [--python PYTHON]

Answers come from CACHE_DIR when there (the test's own cache: <digest>-<rule>-pabutools<v>.json,
the digest being the first 12 bytes of the file's SHA-256 in hex) and are computed with
bench/pabutools_count.py (a 60-second limit, as the test uses) and cached otherwise.
"""
import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

RULES = ["greedy", "mes", "mes-add1", "phragmen"]
HERE = Path(__file__).resolve().parent


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()[:24]


def answer(python, version, cache, path, rule):
    cached = cache / f"{digest(path)}-{rule}-pabutools{version}.json"
    if cached.exists():
        return json.loads(cached.read_text())
    run = subprocess.run(
        [python, str(HERE / "pabutools_count.py"), str(path), rule, "--timeout", "60"],
        capture_output=True,
        text=True,
        check=True,
    )
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(run.stdout)
    return json.loads(run.stdout)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("collection", type=Path)
    parser.add_argument("cache", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    version = subprocess.run(
        [args.python, "-c", "import importlib.metadata as m; print(m.version('pabutools'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    answers = {}
    files = sorted(args.collection.glob("*.pb"))
    for n, path in enumerate(files, 1):
        for rule in RULES:
            found = answer(args.python, version, args.cache, path, rule)
            # The times are this machine's; the test uses them only to pick quick answers to
            # recompute.
            answers[f"{digest(path)}-{rule}"] = {"file": path.name, **found}
        print(f"{n}/{len(files)} {path.name}", file=sys.stderr)
    lines = [f"  {json.dumps(key)}: {json.dumps(value, sort_keys=True)}"
             for key, value in sorted(answers.items())]
    args.out.write_text(
        "{\n"
        f'"pabutools": {json.dumps(version)},\n'
        '"answers": {\n' + ",\n".join(lines) + "\n}\n}\n"
    )


if __name__ == "__main__":
    main()
