#!/usr/bin/env python3
"""Dateline on Spark: extract an archive of articles per partition, group
them into stories, merge each story, write the stories.

    python examples/spark/dateline_spark.py ARTICLES OUT [--group FIELD] [--master local[2]]
    spark-submit --master yarn examples/spark/dateline_spark.py ARTICLES OUT ...

ARTICLES is JSON Lines (one article per line) or Parquet (a file or folder,
by the `.parquet` suffix or --format), with the fields of the CLI's `--jsonl`
input: `id`, `title`, `outlet`, `url`, `published` (YYYY-MM-DD, or a Parquet
date), `body`, and optionally `path` (where the article came from; the
stories carry it, as the CLI's carry its file paths).

1. Each partition's articles go through `dateline.extract_article_json`
   (every per-article stage, in the executor's Python worker; the engine
   runs with the GIL released). Extractions travel as JSON text: building
   Python dicts of them would cost more than the extraction.
2. The articles are grouped into stories. By default with the engine's
   grouping (articles that share people, organisations and happenings,
   follow-ups within 14 days): each article's keys (`dateline.article_keys`,
   a few hundred bytes) go to the driver, which runs
   `dateline.group_stories` over the whole corpus (in input order) and
   sends each article's story back. With `--group FIELD`, the articles
   sharing the value of that input field form a story (an archive's own
   story ids; a null value is a story of its own article); with
   `--one-story`, all the articles are one story, as `dateline extract`
   makes of the files it is given.
3. Each story's extractions go through `dateline.merge_json` in input order (the
   lines of a JSON Lines file, the rows of a Parquet file; a folder of
   several files is read in an order of Spark's own, so give those an order
   with `--order-by`, e.g. `published,id`): the story JSON of the CLI
   contract with each article's text (`articles[].text`; --no-text leaves
   the texts out). With the engine's grouping, each story is the line that
   `dateline merge --stories --text` writes for it from the same articles
   in the same order; with --one-story, the story `dateline extract --text`
   prints for them.
4. The stories are written to OUT/stories.jsonl/ (Spark's text output, a
   folder of part files; any Hadoop file system: HDFS, S3...), one story per
   line with its group key as an extra field `story`, and, by the driver, one
   story JSON per story to OUT/stories/<key>.json on the driver's file system
   (the files the explorer opens; --no-story-files to skip).

Needs the `dateline` Python package on the driver and every executor (see
examples/spark/README.md).
"""

import argparse
import json
import os
import re
import sys
import time

ARTICLE_FIELDS = ["id", "title", "outlet", "url", "published", "body", "path"]
ALL = "story"  # the key of the one story when there is no --group


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("articles", help="JSON Lines file/folder, or Parquet")
    p.add_argument("out", help="output folder (stories.jsonl/ and stories/)")
    p.add_argument("--format", choices=["jsonl", "parquet"], help="input format (default: by suffix, .parquet or JSON Lines)")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--group", metavar="FIELD", help="input field whose value names each article's story (default: the engine's grouping)")
    how.add_argument("--one-story", action="store_true", help="all the articles form one story")
    p.add_argument("--order-by", metavar="FIELDS", help="order each story's articles by these input fields, comma-separated (e.g. published,id; default: input order)")
    p.add_argument("--master", help="Spark master when run with python (e.g. local[2]); spark-submit gives its own")
    p.add_argument("--partitions", type=int, help="repartition the articles into N partitions before extraction (default: as many as Spark's default parallelism when the input has fewer)")
    p.add_argument("--no-story-files", action="store_true", help="write only stories.jsonl/")
    p.add_argument("--no-text", action="store_true", help="leave the article texts out of the stories (the explorer then asks for the articles)")
    return p.parse_args(argv)


def read_articles(spark, args):
    from pyspark.sql import functions as F

    fmt = args.format or ("parquet" if args.articles.rstrip("/").endswith(".parquet") else "jsonl")
    extra = ([args.group] if args.group else []) + order_fields(args)
    fields = ARTICLE_FIELDS + [f for f in dict.fromkeys(extra) if f not in ARTICLE_FIELDS]
    if fmt == "parquet":
        df = spark.read.parquet(args.articles)
        missing = [f for f in ["id", "published", "body"] + extra if f not in df.columns]
        if missing:
            raise SystemExit(f"{args.articles}: no column {', '.join(missing)}")
        for f in fields:
            if f not in df.columns:
                df = df.withColumn(f, F.lit(None).cast("string"))
    else:
        # A fixed schema (published stays text) and FAILFAST: a malformed line stops the job.
        schema = ", ".join(f"`{f}` STRING" for f in fields)
        df = spark.read.schema(schema).option("mode", "FAILFAST").json(args.articles)
    # Dates (Parquet DATE) become YYYY-MM-DD text; the engine parses it.
    return df.select(*[F.col(f).cast("string").alias(f) for f in fields])


def story_key(article, args):
    """The story an article belongs to, when it is not the engine's to say."""
    if args.one_story:
        return ALL
    if not args.group:
        return None
    value = article.get(args.group)
    # No story id: the article is a story of its own.
    return str(value) if value is not None else f"article-{article['id']}"


def order_fields(args):
    return [f.strip() for f in args.order_by.split(",") if f.strip()] if args.order_by else []


def extract_partition(args):
    order = order_fields(args)
    engine = not (args.group or args.one_story)

    def run(rows):
        import dateline

        for row, index in rows:
            article = row.asDict()
            # Where the article goes in the corpus and its story: the --order-by fields (nulls first), then input order.
            position = tuple((article[f] is not None, article[f] or "") for f in order) + (index,)
            extraction = dateline.extract_article_json({f: article[f] for f in ARTICLE_FIELDS})
            # The grouping's keys as JSON text: the lightest thing to collect on the driver.
            keys = json.dumps(dateline.article_keys(extraction)) if engine else None
            yield story_key(article, args), position, article["id"], extraction, keys

    return run


def merge_story(with_text, groups=None):
    def run(pair):
        """(key, (number of articles, the story JSON text)) of a story's (key, [(position, extraction JSON)])."""
        import dateline

        key, extractions = pair
        ordered = [e for _, e in sorted(extractions, key=lambda p: p[0])]
        story = groups.value[key] if groups is not None else None
        return key, (len(ordered), dateline.merge_json(ordered, text=with_text, story=story))

    return run


def story_line(key, story):
    """The story JSON text with its key as a first field `story`."""
    assert story.startswith("{")
    return '{"story":' + json.dumps(key, ensure_ascii=False) + "," + story[1:]


def file_name(key, taken):
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", key).strip("-.") or "story"
    name, n = stem, 2
    while name in taken:
        name, n = f"{stem}-{n}", n + 1
    taken.add(name)
    return name + ".json"


def run(spark, args):
    """Runs the job; returns (articles, stories)."""
    from pyspark import StorageLevel

    # Input order (the order of the lines or rows) is each story's article order.
    indexed = read_articles(spark, args).rdd.zipWithIndex()
    # A file under 128 MB is one partition: spread it over every core.
    cores = spark.sparkContext.defaultParallelism
    partitions = args.partitions or (cores if indexed.getNumPartitions() < cores else None)
    if partitions:
        indexed = indexed.repartition(partitions)
    extracted = indexed.mapPartitions(extract_partition(args))
    groups = None
    if args.group or args.one_story:
        pairs = extracted.map(lambda r: (r[0], (r[1], r[3])))
    else:
        extracted.persist(StorageLevel.MEMORY_AND_DISK)  # read twice: the keys, then the stories
        import dateline

        # The engine's grouping sees the whole corpus: every article's keys, in corpus order, on the driver.
        keys = sorted(extracted.map(lambda r: (r[1], r[4])).collect(), key=lambda p: p[0])
        found = dateline.group_stories([k for _, k in keys])
        story_of = spark.sparkContext.broadcast({a: g["id"] for g in found for a in g["articles"]})
        groups = spark.sparkContext.broadcast({g["id"]: g for g in found})
        pairs = extracted.map(lambda r: (story_of.value[r[2]], (r[1], r[3])))
    stories = pairs.groupByKey().map(merge_story(not args.no_text, groups)).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        lines = stories.map(lambda kv: (story_line(kv[0], kv[1][1]),))
        spark.createDataFrame(lines, "value STRING").write.mode("overwrite").text(os.path.join(args.out, "stories.jsonl"))
        count = 0
        n_articles = 0
        if args.no_story_files:
            for key, n in stories.mapValues(lambda v: v[0]).collect():
                count, n_articles = count + 1, n_articles + n
        else:
            folder = os.path.join(args.out, "stories")
            os.makedirs(folder, exist_ok=True)
            # Named in key order: the same file names whatever the partitioning.
            taken = set()
            names = {key: file_name(key, taken) for key in sorted(stories.keys().collect())}
            for key, (n, story) in stories.toLocalIterator():
                # Byte for byte what `dateline extract --text` prints (--one-story), or `merge --stories --text` writes.
                with open(os.path.join(folder, names[key]), "w", encoding="utf-8") as f:
                    f.write(story + "\n")
                count, n_articles = count + 1, n_articles + n
        return n_articles, count
    finally:
        stories.unpersist()
        extracted.unpersist()


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("dateline").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    try:
        start = time.perf_counter()
        n_articles, n_stories = run(spark, args)
        seconds = time.perf_counter() - start
        print(
            f"dateline_spark: {n_articles} articles, {n_stories} {'story' if n_stories == 1 else 'stories'} in {seconds:.1f} s "
            f"({n_articles / seconds:.1f} articles/s) -> {args.out}",
            file=sys.stderr,
        )
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
