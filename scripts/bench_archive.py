#!/usr/bin/env python3
"""Archive figures for the CLI (a benchmark that prints numbers, not a test).

  python3 scripts/bench_archive.py [--cli target/release/dateline] [--copies 34]

1. `extract --jobs 1` and `--jobs 2` on the Wikinews sample (295 articles,
   as files): seconds (best of 5) and the speed-up, and whether the output
   is the same.
2. `extract --jsonl` over the sample repeated under new ids (34 copies:
   10,030 articles): articles per second and peak memory (max RSS).
3. `merge` of those extractions, and `merge --stories`: seconds and peak memory.

Compare figures of one run: these machines are shared and noisy.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "..", "shared", "data", "wikinews-sample")


def articles():
    out = []
    for name in sorted(os.listdir(SAMPLE)):
        if name.endswith(".csv"):
            with open(os.path.join(SAMPLE, name), newline="", encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    if row["text"].strip():
                        out.append({"title": row["title"], "url": row["url"], "published": row["date"][:10], "body": row["text"]})
    return out


def run(cmd, stdin=None, stdout=subprocess.DEVNULL):
    """Runs `cmd`; (seconds, its peak memory (max RSS) in MB)."""
    t = time.perf_counter()
    child = subprocess.Popen(cmd, stdin=stdin, stdout=stdout)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - t
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"{' '.join(cmd)}: exit status {child.returncode}")
    return seconds, usage.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", default=os.path.join(ROOT, "target", "release", "dateline"))
    ap.add_argument("--copies", type=int, default=34)
    args = ap.parse_args()
    docs = articles()
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "files")
        os.mkdir(folder)
        for i, d in enumerate(docs):
            with open(os.path.join(folder, f"wn{i + 1:04}.txt"), "w", encoding="utf-8") as f:
                f.write(f"---\ntitle: {d['title']}\npublished: {d['published']}\n---\n{d['body']}")
        outputs, best = {}, {}
        for jobs in (1, 2):
            times = []
            for _ in range(5):
                out = os.path.join(tmp, f"jobs{jobs}.json")
                with open(out, "wb") as f:
                    times.append(run([args.cli, "extract", "--jobs", str(jobs), folder], stdout=f)[0])
                outputs[jobs] = open(out, "rb").read()
            best[jobs] = min(times)
        same = outputs[1] == outputs[2]
        print(f"extract, {len(docs)} articles as files: --jobs 1 {best[1]:.3f} s, --jobs 2 {best[2]:.3f} s: {best[1] / best[2]:.2f}x; same output: {same}")

        lines = os.path.join(tmp, "articles.jsonl")
        n = 0
        with open(lines, "w", encoding="utf-8") as f:
            for c in range(args.copies):
                for i, d in enumerate(docs):
                    n += 1
                    f.write(json.dumps({"id": f"c{c}-{i}", **d}) + "\n")
        mb = os.path.getsize(lines) / 1e6
        extracted = os.path.join(tmp, "extracted.jsonl")
        with open(lines, "rb") as src, open(extracted, "wb") as dst:
            seconds, peak = run([args.cli, "extract", "--jsonl"], stdin=src, stdout=dst)
        print(f"extract --jsonl, {n} articles ({mb:.0f} MB in, {os.path.getsize(extracted) / 1e6:.0f} MB out): {seconds:.1f} s, {n / seconds:.0f} articles/s, peak memory {peak:.0f} MB")
        seconds, peak = run([args.cli, "merge", extracted])
        print(f"merge of the {n} extractions into one story: {seconds:.1f} s, peak memory {peak:.0f} MB")
        seconds, peak = run([args.cli, "merge", "--stories", extracted])
        print(f"merge --stories of the {n} extractions: {seconds:.1f} s, peak memory {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
