#!/usr/bin/env python3
"""Throughput of the Spark job in local mode (a benchmark command, not a test).

    target/venv/bin/python examples/spark/bench.py [--master local[2]] [--copies 10]

Takes the 295 Wikinews articles of ../shared/data/wikinews-sample under ten
ids each (2,950 articles), writes them as JSON Lines, and runs
examples/spark/dateline_spark.py on them in one Spark session, with the
engine's grouping and with `--group story` (each article's ten copies one
story: 295 stories of ten articles): a first run (the first one starts the
Python workers) and the measured runs. Prints articles per
second of the whole job (read, extract, shuffle, merge, write), and, for
comparison, the same extraction and merges in this one Python process (with
JSON texts, as the job, and with dicts).
"""

import argparse
import csv
import importlib.util
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WIKINEWS = ROOT.parent / "shared" / "data" / "wikinews-sample"


def wikinews():
    csv.field_size_limit(sys.maxsize)
    articles = []
    for path in sorted(WIKINEWS.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            for n, row in enumerate(csv.DictReader(f), 1):
                articles.append({"id": f"{path.stem}-{n:03d}", "title": row["title"].strip() or None, "outlet": "Wikinews",
                                 "url": row["url"].strip() or None, "published": row["date"].strip(), "body": row["text"]})
    return articles


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--master", default="local[2]")
    p.add_argument("--copies", type=int, default=10, help="ids per Wikinews article (default 10: 2,950 articles)")
    p.add_argument("--runs", type=int, default=2, help="measured runs after the first")
    args = p.parse_args()

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    import dateline
    from pyspark.sql import SparkSession

    base = wikinews()
    articles = [dict(a, id=f"{a['id']}-{k}", story=a["id"]) for k in range(args.copies) for a in base]
    mb = sum(len(a["body"].encode()) for a in articles) / 1e6
    spec = importlib.util.spec_from_file_location("dateline_spark", ROOT / "examples" / "spark" / "dateline_spark.py")
    job = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(job)

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        with source.open("w", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
        spark = (SparkSession.builder.master(args.master).appName("dateline-bench")
                 .config("spark.ui.showConsoleProgress", "false").getOrCreate())
        spark.sparkContext.setLogLevel("ERROR")
        cores = spark.sparkContext.defaultParallelism
        try:
            results = {}
            for label, grouping in [("engine grouping", []), ("--group story", ["--group", "story"])]:
                times = []
                for run in range(args.runs + 1):
                    argv = [str(source), str(Path(tmp) / f"out{len(results)}{run}"), "--partitions", str(4 * cores)] + grouping
                    start = time.perf_counter()
                    n_articles, n_stories = job.run(spark, job.parse_args(argv))
                    times.append(time.perf_counter() - start)
                    assert n_articles == len(articles)
                results[label] = (times, n_stories)
        finally:
            spark.stop()

    print(f"spark {args.master} ({cores} cores): {len(articles)} articles ({mb:.1f} MB), "
          f"the {len(base)} Wikinews articles under {args.copies} ids each")
    for label, (times, n_stories) in results.items():
        first, best = times[0], min(times[1:]) if len(times) > 1 else times[0]
        print(f"  {label} ({n_stories} stories): first run {first:.1f} s, {len(articles) / first:.0f} articles/s; "
              f"best of {len(times) - 1} more {best:.1f} s, {len(articles) / best:.0f} articles/s ({len(articles) / best / cores:.0f} per core)")

    # The same work in this process, on one thread: extraction, then one merge per story.
    for label, extract, merge in [("JSON text", dateline.extract_article_json, dateline.merge_json),
                                  ("dicts", dateline.extract_article, dateline.merge)]:
        start = time.perf_counter()
        extractions = [extract(a) for a in articles]
        extracted = time.perf_counter() - start
        by_story = {}
        for a, e in zip(articles, extractions):
            by_story.setdefault(a["story"], []).append(e)
        for group in by_story.values():
            merge(group)
        total = time.perf_counter() - start
        print(f"one Python process, one thread, {label}: extraction {len(articles) / extracted:.0f} articles/s; "
              f"with the merges {len(articles) / total:.0f} articles/s ({total:.1f} s)")

if __name__ == "__main__":
    main()
