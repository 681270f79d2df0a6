"""The Python package against the CLI: the same stories, lossless JSON, clear errors."""

import copy
import gc
import json
import pickle
import subprocess
import threading
import time

import pytest

import dateline
from conftest import cli_output, cli_story, with_paths


def story_of(articles):
    return dateline.merge([dateline.extract_article(a) for a in articles])


def test_seed_story_equals_the_cli(cli, seeds, tmp_path):
    seeds = with_paths(seeds, tmp_path)
    story = story_of(seeds)
    printed = cli_output(seeds)
    assert story == json.loads(printed)
    # The JSON-text variants: byte for byte what the CLI prints.
    texts = [dateline.extract_article_json(a) for a in seeds]
    assert [json.loads(t) for t in texts] == [dateline.extract_article(a) for a in seeds]
    assert dateline.merge_json(texts) + "\n" == printed
    assert dateline.merge(texts) == story
    # Not vacuous: the seed story has its speakers, quotes and timeline.
    assert story["schema"] == dateline.SCHEMA == 1
    assert [a["id"] for a in story["articles"]] == [a["id"] for a in seeds]
    assert any(e["name"] == "Rex Tillerson" for e in story["entities"])
    assert sum(len(a["quotes"]) for a in story["articles"]) >= 10
    assert len(story["events"]) >= 5


def test_wikinews_story_equals_the_cli(cli, wikinews, tmp_path):
    """All 295 Wikinews articles as one story, as `dateline extract` makes of 295 files."""
    wikinews = with_paths(wikinews, tmp_path)
    story = story_of(wikinews)
    expected = cli_story(wikinews)
    assert len(story["articles"]) == 295
    for got, want in zip(story["articles"], expected["articles"]):
        assert got == want, f"article {want['id']} differs"
    assert story["entities"] == expected["entities"]
    assert story["events"] == expected["events"]
    assert story == expected


def test_each_wikinews_article_equals_the_cli_jsonl(cli, wikinews):
    """extract_article equals the CLI's per-article line (`dateline extract --jsonl`)."""
    lines = "".join(json.dumps(a) + "\n" for a in wikinews)
    out = subprocess.run([str(cli), "extract", "--jsonl"], input=lines.encode(), capture_output=True, check=True)
    expected = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert len(expected) == len(wikinews)
    for article, want in zip(wikinews, expected):
        assert dateline.extract_article(article) == want, f"article {article['id']} differs"


def test_merge_equals_the_cli_merge(cli, seeds, wikinews):
    """merge equals `dateline merge` on the same per-article lines, with and without the texts."""
    articles = seeds + wikinews[:40]
    extractions = [dateline.extract_article(a) for a in articles]
    lines = "".join(json.dumps(e) + "\n" for e in extractions)
    for flags, text in [([], False), (["--text"], True)]:
        out = subprocess.run([str(cli), "merge", *flags], input=lines.encode(), capture_output=True, check=True)
        assert dateline.merge(extractions, text=text) == json.loads(out.stdout)
        assert dateline.merge_json(extractions, text=text) + "\n" == out.stdout.decode()
    story = dateline.merge(extractions, text=True)
    assert [a["text"] for a in story["articles"]] == [a["body"] for a in articles]
    assert all("text" not in a for a in dateline.merge(extractions)["articles"])


def test_grouped_stories_equal_the_cli_merge_stories(cli, seeds, wikinews):
    """group_stories, then merge(story=...) per story, equals `dateline merge --stories --text`."""
    articles = seeds + wikinews
    texts = [dateline.extract_article_json(a) for a in articles]
    out = subprocess.run([str(cli), "merge", "--stories", "--text"], input="".join(t + "\n" for t in texts).encode(), capture_output=True, check=True)
    expected = [json.loads(line) for line in out.stdout.decode().splitlines()]
    groups = dateline.group_stories(texts)
    assert groups == [story["stories"][0] for story in expected]
    # From the small keys alone, the same grouping; and the seeds are one story.
    keys = [dateline.article_keys(t) for t in texts]
    assert dateline.group_stories(keys) == groups == dateline.group_stories([json.loads(t) for t in texts])
    assert len(json.dumps(keys)) < sum(map(len, texts)) / 20
    assert [a["id"] for a in seeds] in [g["articles"] for g in groups]
    assert 10 < len(groups) < len(articles)
    by_id = dict(zip((a["id"] for a in articles), texts))
    for group, story in zip(groups, expected):
        members = [by_id[i] for i in group["articles"]]
        assert dateline.merge(members, story=group, text=True) == story
    # Without story=, merge groups the articles it is given (as `dateline merge`).
    assert dateline.merge(texts)["stories"] == groups


def test_grouping_errors():
    a = dateline.extract_article({"id": "a", "published": "2017-04-12", "body": "Tillerson met Lavrov in Moscow."})
    b = dateline.extract_article({"id": "b", "published": "2017-04-13", "body": "Lavrov met Tillerson again."})
    with pytest.raises(ValueError, match=r"group_stories: item 1: article id \"a\" is item 0's too"):
        dateline.group_stories([a, a])
    with pytest.raises(ValueError, match=r"group_stories: item 0: neither a per-article extraction nor its article_keys"):
        dateline.group_stories([{"id": "x"}])
    with pytest.raises(ValueError, match=r"group_stories: expected a list"):
        dateline.group_stories(a)
    story = {"id": "s1", "title": "T", "articles": ["a", "b"], "from": "2017-04-12", "to": "2017-04-13"}
    assert [x["id"] for x in dateline.merge([a, b], story=story)["articles"]] == ["a", "b"]
    with pytest.raises(ValueError, match=r"merge: story \"s1\" has the articles \[\"a\", \"b\"\], in that order; given \[\"b\", \"a\"\]"):
        dateline.merge([b, a], story=story)
    with pytest.raises(ValueError, match=r"merge: story: not a story of group_stories"):
        dateline.merge([a, b], story={"id": "s1"})
    with pytest.raises(ValueError, match=r"article_keys: not a per-article extraction"):
        dateline.article_keys({"id": "a"})


def test_extractions_round_trip_through_json_and_pickle(seeds, wikinews):
    articles = seeds + wikinews[::10]
    extractions = [dateline.extract_article(a) for a in articles]
    story = dateline.merge(extractions)
    through_json = [json.loads(json.dumps(e)) for e in extractions]
    assert through_json == extractions
    assert dateline.merge(through_json) == story
    through_pickle = pickle.loads(pickle.dumps(extractions))
    assert dateline.merge(through_pickle) == story
    # The story itself is plain JSON values.
    assert json.loads(json.dumps(story)) == story


def test_inputs_are_not_modified_and_calls_repeat(seeds):
    before = copy.deepcopy(seeds)
    first = [dateline.extract_article(a) for a in seeds]
    kept = copy.deepcopy(first)
    story = dateline.merge(first)
    assert seeds == before and first == kept
    assert [dateline.extract_article(a) for a in seeds] == first
    assert dateline.merge(first) == story


def test_optional_fields_and_extra_keys(seeds):
    a = dict(seeds[0])
    minimal = {"id": a["id"], "published": a["published"], "body": a["body"]}
    full = dict(a, title="T", outlet="O", url="https://example.org/a", extra="ignored")
    base = dateline.merge([dateline.extract_article(minimal)])["articles"][0]
    meta = dateline.merge([dateline.extract_article(full)])["articles"][0]
    assert (base["title"], base["outlet"], base["url"]) == (None, None, None)
    assert (meta["title"], meta["outlet"], meta["url"]) == ("T", "O", "https://example.org/a")
    assert base["quotes"] == meta["quotes"] and base["sentences"] == meta["sentences"]


def test_empty_story_and_empty_body():
    assert dateline.merge([]) == {"schema": 1, "articles": [], "entities": [], "events": [], "stories": []}
    assert dateline.group_stories([]) == []
    story = dateline.merge([dateline.extract_article({"id": "x", "published": "2020-02-29", "body": ""})])
    assert story["articles"][0]["sentences"] == [] and story["articles"][0]["published"] == "2020-02-29"


GOOD = {"id": "a", "published": "2017-04-12", "body": "He said so on Monday."}


@pytest.mark.parametrize(
    "article, message",
    [
        ("not a dict", r"expected a dict .* got str"),
        ([GOOD], r"expected a dict .* got list"),
        ({k: v for k, v in GOOD.items() if k != "id"}, r"missing field 'id'"),
        (dict(GOOD, id=""), r"field 'id' is empty"),
        (dict(GOOD, id=7), r"field 'id' must be a str, got int"),
        ({k: v for k, v in GOOD.items() if k != "published"}, r"article \"a\".*missing field 'published'"),
        (dict(GOOD, published=None), r"missing field 'published'"),
        (dict(GOOD, published="2017-13-01"), r"article \"a\".*field 'published' \"2017-13-01\""),
        (dict(GOOD, published="12/04/2017"), r"field 'published' \"12/04/2017\""),
        (dict(GOOD, published=20170412), r"field 'published' must be a str, got int"),
        ({k: v for k, v in GOOD.items() if k != "body"}, r"article \"a\".*missing field 'body'"),
        (dict(GOOD, body=b"bytes"), r"field 'body' must be a str, got bytes"),
        (dict(GOOD, title=1.5), r"field 'title' must be a str, got float"),
        (dict(GOOD, url=["x"]), r"field 'url' must be a str, got list"),
    ],
)
def test_bad_articles_raise_value_error(article, message):
    with pytest.raises(ValueError, match=message):
        dateline.extract_article(article)


def test_bad_merge_input_raises_value_error():
    good = dateline.extract_article(GOOD)
    with pytest.raises(ValueError, match=r"expected a list .* got dict"):
        dateline.merge(good)
    with pytest.raises(ValueError, match=r"expected a list .* got str"):
        dateline.merge("[]")
    with pytest.raises(ValueError, match=r"expected a list .* got int"):
        dateline.merge(3)
    with pytest.raises(ValueError, match=r"item 1: expected a dict from extract_article \(or its JSON text\), got int"):
        dateline.merge([good, 5])
    with pytest.raises(ValueError, match=r"item 1: not a per-article extraction: expected value"):
        dateline.merge([good, "x"])
    with pytest.raises(ValueError, match=r"item 0 \(id \"a\"\): not a per-article extraction: missing field `sentences`"):
        dateline.merge_json([json.dumps({k: v for k, v in good.items() if k != "sentences"})])
    with pytest.raises(ValueError, match=r"missing field 'id'"):
        dateline.extract_article_json({"published": "2017-04-12", "body": ""})
    # Checked as `dateline merge` checks its lines.
    with pytest.raises(ValueError, match=r"item 1: article id \"a\" is item 0's too"):
        dateline.merge([good, good])
    outside = copy.deepcopy(good)
    outside["sentences"].append([0, 10_000])
    with pytest.raises(ValueError, match=r"item 0 \(id \"a\"\): .*not inside the body"):
        dateline.merge([outside])
    stranger = copy.deepcopy(good)
    stranger["mentions"].append({"span": [0, 2], "entity": "e99"})
    with pytest.raises(ValueError, match=r"item 0 \(id \"a\"\): .*entity “e99”"):
        dateline.merge([stranger])
    with pytest.raises(ValueError, match=r"item 0 \(id \"a\"\): schema 2"):
        dateline.merge([dict(good, schema=2)])
    broken = {k: v for k, v in good.items() if k != "sentences"}
    with pytest.raises(ValueError, match=r"item 1 \(id \"a\"\): not a per-article extraction: missing field `sentences`"):
        dateline.merge([good, broken])
    with pytest.raises(ValueError, match=r"item 0: not a per-article extraction"):
        dateline.merge([{"id": "a"}])
    with pytest.raises(ValueError, match=r"item 0: not JSON values"):
        dateline.merge([dict(good, extra=object())])
    # A tuple or a generator is a list too.
    assert dateline.merge((good,)) == dateline.merge(e for e in [good])


def test_extraction_releases_the_gil():
    """While one thread is inside the engine, the others keep running Python."""

    def article(n):
        # Many people: the engine takes a while.
        return {"id": "big", "published": "2020-03-02", "body": " ".join(f"John Smith{i} met Mary Jones{i} in Paris." for i in range(n))}

    # An article that takes at least 0.3 s (the JSON-text variant: the GIL-holding
    # part, turning the result into a str, is a copy).
    n = 8000
    while True:
        start = time.perf_counter()
        dateline.extract_article_json(article(n))
        if time.perf_counter() - start >= 0.3 or n >= 256000:
            break
        n *= 2
    big = article(n)
    span = {}

    def worker():
        span["start"] = time.perf_counter()
        dateline.extract_article_json(big)
        span["end"] = time.perf_counter()

    t = threading.Thread(target=worker)
    gaps = []
    gc.disable()  # a collection in either thread would be a gap of its own
    try:
        last = time.perf_counter()
        t.start()
        while t.is_alive():
            now = time.perf_counter()
            gaps.append(now - last)
            last = now
        t.join()
    finally:
        gc.enable()
    duration = span["end"] - span["start"]
    assert duration > 0.2, f"the article should take a while to extract ({duration:.2f} s)"
    # Holding the GIL for the whole extraction would stop this loop for about
    # `duration`; released, the loop only waits for short GIL hand-overs.
    assert max(gaps) < duration / 3, f"the main thread stalled {max(gaps):.2f} s of {duration:.2f} s"
