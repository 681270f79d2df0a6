#!/usr/bin/env python3
"""Quality gates: runs the reference scorer (../shared/eval/evaluate.py) on the
release CLI and fails when a score drops below the floor an issue set.

Each gate: (mode, data dir relative to ../shared or None, path into the
report, floor). Prints every score; exits 1 when any gate fails."""
import json, os, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
CLI = os.path.join(ROOT, "target", "release", "dateline")

GATES = [
    ("rules", "data/sbd-golden-rules", "golden_rules.passed", 46),
    ("gum", "data/gum-news/conllu", "boundaries.f1", 0.98),
    # issue 3: who said what
    ("seed", None, "quotes.f1", 0.93),  # issue 12: no regression
    ("seed", None, "attribution.f1", 0.94),
    ("seed", None, "speakers.found", 7),  # all seven gold speakers
    ("brat", "data/polnear/dev", "direct_content_and_source.f1", 0.70),
    ("brat", "data/polnear/dev", "content.f1", 0.62),
    # issue 4: time and events
    ("seed", None, "timexes.relaxed.f1", 0.95),
    ("seed", None, "timexes.value_accuracy", 0.90),
    ("seed", None, "events.recall", 11 / 12 - 1e-3),
    ("seed", None, "events.date_accuracy", 11 / 12 - 1e-3),
    ("seed", None, "events.merged", 1.0),  # "4/4": every two-outlet event merged
    ("seed", None, "events.precision", 0.85),
    ("cat", "data/meantime-en", "timexes.value_f1", 0.82),
    # issue 11: event mentions, entity timelines, key events
    ("cat", "data/meantime-en", "event_mentions.relaxed.f1", 0.82),
    ("timeline", "data/semeval2015-task4/trial data/semeval2015-task4/corpus_1", "overall.timeline.f1", 0.19),
    # issue 12: entities, attribution
    ("cat", "data/meantime-en", "entity_mentions.relaxed.f1", 0.90),
    ("cat", "data/meantime-en", "entity_mentions.type_accuracy", 0.88),
]


def scores(mode, data):
    dirs = [os.path.join(SHARED, d) for d in (data or "").split()]
    if mode == "timeline":  # SemEval-2015 Task 4 entity timelines: its own scorer, several corpora
        cmd = [sys.executable, os.path.join(SHARED, "eval", "timeline.py"), "--cli", CLI, "--show", "0", *dirs]
    else:
        cmd = [sys.executable, os.path.join(SHARED, "eval", "evaluate.py"), mode, *dirs, "--cli", CLI, "--show", "0"]
    out = subprocess.run(cmd, capture_output=True, text=True)
    line = next((l for l in out.stdout.splitlines() if l.startswith("SCORES ")), None)
    if out.returncode != 0 or line is None:
        sys.exit(f"gates: {mode}: the scorer failed:\n{out.stdout[-1500:]}{out.stderr[-1500:]}")
    return json.loads(line[len("SCORES "):])


def main():
    if not os.path.isfile(os.path.join(SHARED, "eval", "evaluate.py")):
        sys.exit(f"gates: {SHARED}/eval/evaluate.py not found; the shared data must sit beside the checkout")
    failed = 0
    cache = {}
    for mode, data, path, floor in GATES:
        t = time.time()
        if (mode, data) not in cache:
            cache[(mode, data)] = scores(mode, data)
        value = cache[(mode, data)]
        for key in path.split("."):
            value = value[key]
        if isinstance(value, list):
            value = len(value)
        if isinstance(value, str):  # "a/b"
            a, b = value.split("/")
            value = round(int(a) / int(b), 4) if int(b) else 0.0
        ok = value >= floor
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {mode:8} {path:32} {value:<8} (floor {round(floor, 4)}, {time.time() - t:.1f}s)")
    print(f"gates: {len(GATES) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
