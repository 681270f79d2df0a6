"""The Spark job (examples/spark/dateline_spark.py) in local mode: its stories equal the CLI's."""

import datetime
import importlib.util
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, cli_output, with_paths

JOB = ROOT / "examples" / "spark" / "dateline_spark.py"
# Spark binds to the loopback address only; its workers run this interpreter (with `dateline`).
SPARK_ENV = {"SPARK_LOCAL_IP": "127.0.0.1", "PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable}


def load_job():
    spec = importlib.util.spec_from_file_location("dateline_spark", JOB)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_jsonl(path, articles):
    with open(path, "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")


def read_story_lines(folder):
    """The stories of the job's JSON Lines output (Spark's part files), by key."""
    stories = {}
    for part in sorted(folder.glob("part-*")):
        for line in part.read_text(encoding="utf-8").splitlines():
            story = json.loads(line)
            stories[story.pop("story")] = story
    return stories


def test_engine_grouped_stories_equal_the_cli(cli, seeds, wikinews, tmp_path):
    """As a user runs it (a subprocess, local[2]), with the engine's grouping: the seeds and the
    295 Wikinews articles, spread over four partitions; every story equals the line that
    `dateline merge --stories --text` writes for it from `dateline extract --jsonl` of the same file."""
    articles = seeds + wikinews
    write_jsonl(tmp_path / "articles.jsonl", articles)
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, str(JOB), str(tmp_path / "articles.jsonl"), str(out), "--master", "local[2]", "--partitions", "4"],
        env=dict(os.environ, **SPARK_ENV),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr[-4000:]

    extracted = subprocess.run([str(cli), "extract", "--jsonl", str(tmp_path / "articles.jsonl")], capture_output=True, check=True)
    merged = subprocess.run([str(cli), "merge", "--stories", "--text"], input=extracted.stdout, capture_output=True, check=True)
    expected = {json.loads(line)["stories"][0]["id"]: line + "\n" for line in merged.stdout.decode().splitlines()}
    assert f"{len(articles)} articles, {len(expected)} stories" in run.stderr
    # Not one story, not one per article, and the two seed articles together.
    assert 10 < len(expected) < len(articles)
    seed_story = [k for k, line in expected.items() if seeds[0]["id"] in json.loads(line)["stories"][0]["articles"]]
    assert json.loads(expected[seed_story[0]])["stories"][0]["articles"] == [a["id"] for a in seeds]

    files = {p.stem: p.read_text(encoding="utf-8") for p in (out / "stories").iterdir()}
    assert sorted(files) == sorted(expected)
    for key, text in expected.items():
        assert files[key] == text, f"story {key} differs from the CLI's"
    lines = read_story_lines(out / "stories.jsonl")
    assert lines == {key: json.loads(text) for key, text in expected.items()}


@pytest.fixture(scope="module")
def spark():
    os.environ.update(SPARK_ENV)
    from pyspark.sql import SparkSession

    session = SparkSession.builder.master("local[2]").appName("dateline-test").config("spark.ui.showConsoleProgress", "false").getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_stories_by_a_field_equal_the_cli(cli, spark, seeds, wikinews, tmp_path):
    """--group FIELD: three stories from a `story` field, the articles interleaved in the input
    and spread over four partitions; each story is what `dateline extract --text` prints for
    its articles, in input order."""
    groups = {"tillerson": seeds, "wikinews-2019": wikinews[:25], "wikinews-2020": wikinews[-25:]}
    groups = {key: with_paths(articles, tmp_path) for key, articles in groups.items()}
    tagged = [dict(a, story=key) for key, articles in groups.items() for a in articles]
    # Interleave the groups: each story keeps its articles' input order.
    tagged.sort(key=lambda a: [x["id"] for x in groups[a["story"]]].index(a["id"]))
    write_jsonl(tmp_path / "articles.jsonl", tagged)
    out = tmp_path / "out"
    job = load_job()
    args = job.parse_args([str(tmp_path / "articles.jsonl"), str(out), "--group", "story", "--partitions", "4"])
    assert job.run(spark, args) == (52, 3)
    assert sorted(p.name for p in (out / "stories").iterdir()) == ["tillerson.json", "wikinews-2019.json", "wikinews-2020.json"]
    lines = read_story_lines(out / "stories.jsonl")
    assert sorted(lines) == sorted(groups)
    for key, articles in groups.items():
        printed = cli_output(articles, "--text")
        text = (out / "stories" / f"{key}.json").read_text(encoding="utf-8")
        assert [a["id"] for a in json.loads(text)["articles"]] == [a["id"] for a in articles]
        assert text == printed, f"story {key} differs from the CLI's"
        assert lines[key] == json.loads(text), f"story {key} (JSON Lines) differs from its story file"


def test_parquet_input_makes_one_story_equal_to_the_cli(cli, spark, seeds, wikinews, tmp_path):
    """Parquet (three files, published as a DATE column), ordered by publication date and id,
    --one-story: the story `dateline extract` prints for the same files in that order."""
    articles = with_paths(wikinews[100:110] + seeds, tmp_path)
    rows = [dict(a, published=datetime.date.fromisoformat(a["published"])) for a in articles]
    schema = "id STRING, title STRING, outlet STRING, url STRING, published DATE, body STRING, path STRING"
    spark.createDataFrame(rows, schema).coalesce(3).write.parquet(str(tmp_path / "articles.parquet"))
    job = load_job()
    args = job.parse_args([str(tmp_path / "articles.parquet"), str(tmp_path / "out"), "--order-by", "published,id", "--one-story", "--no-text"])
    assert job.run(spark, args) == (len(articles), 1)
    story = json.loads((tmp_path / "out" / "stories" / "story.json").read_text(encoding="utf-8"))
    ordered = sorted(articles, key=lambda a: (a["published"], a["id"]))
    assert [a["id"] for a in story["articles"]] == [a["id"] for a in ordered]
    assert ordered[0]["id"].startswith("tillerson") and ordered != articles
    assert story == json.loads(cli_output(ordered))
    assert read_story_lines(tmp_path / "out" / "stories.jsonl") == {"story": story}


def test_bad_article_fails_the_job(spark, tmp_path):
    write_jsonl(tmp_path / "bad.jsonl", [{"id": "a", "published": "2017-04-31", "body": "Text."}])
    job = load_job()
    args = job.parse_args([str(tmp_path / "bad.jsonl"), str(tmp_path / "out")])
    with pytest.raises(Exception, match=r"field 'published' \"2017-04-31\""):
        job.run(spark, args)
