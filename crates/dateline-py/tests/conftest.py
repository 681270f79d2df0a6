"""Shared fixtures: the articles (seeds, Wikinews sample) and the CLI to compare with.

The CLI is `target/release/dateline` (scripts/test.sh builds it first), or
the binary named by $DATELINE_CLI.
"""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
WIKINEWS = SHARED / "data" / "wikinews-sample"
SEED_PUBLISHED = "2017-04-12"


def cli_path():
    return Path(os.environ.get("DATELINE_CLI", ROOT / "target" / "release" / "dateline"))


def seed_articles():
    """The seed articles (plain text, published 2017-04-12), ids from their file stems."""
    return [
        {"id": p.stem, "title": None, "outlet": None, "url": None, "published": SEED_PUBLISHED, "body": p.read_text(encoding="utf-8")}
        for p in sorted(SEEDS.glob("*.txt"))
    ]


def wikinews_articles():
    """The 295 Wikinews articles (CSV: url,date,title,text), in file and row order."""
    csv.field_size_limit(sys.maxsize)
    articles = []
    for path in sorted(WIKINEWS.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            for n, row in enumerate(csv.DictReader(f), 1):
                articles.append(
                    {
                        "id": f"{path.stem}-{n:03d}",
                        # The article header trims its values; so do we, on both sides.
                        "title": row["title"].strip() or None,
                        "outlet": "Wikinews",
                        "url": row["url"].strip() or None,
                        "published": row["date"].strip(),
                        "body": row["text"],
                    }
                )
    return articles


def with_paths(articles, folder):
    """The articles with the `path` of the file each is written to for the CLI (`<id>.txt` in folder)."""
    return [dict(a, path=str(Path(folder) / f"{a['id']}.txt")) for a in articles]


def cli_story(articles, *flags):
    """`dateline extract` over the articles (from with_paths) written as files in the project's
    article format, in this order: the story JSON."""
    return json.loads(cli_output(articles, *flags))


def cli_output(articles, *flags):
    """What `dateline extract [flags]` prints for the articles (see cli_story): the story JSON text."""
    for a in articles:
        header = ["---"] + [f"{key}: {a[key]}" for key in ("title", "outlet", "published", "url") if a.get(key)] + ["---"]
        with open(a["path"], "w", encoding="utf-8", newline="") as f:
            f.write("\n".join(header) + "\n" + a["body"])
    out = subprocess.run([str(cli_path()), "extract", *flags, *(a["path"] for a in articles)], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


@pytest.fixture(scope="session")
def cli():
    path = cli_path()
    if not path.exists():
        pytest.fail(f"{path} is missing: build it with `cargo build --release -p dateline-cli` (scripts/test.sh does)")
    return path


@pytest.fixture(scope="session")
def seeds():
    articles = seed_articles()
    assert len(articles) >= 2, f"seed articles missing in {SEEDS}"
    return articles


@pytest.fixture(scope="session")
def wikinews():
    articles = wikinews_articles()
    assert len(articles) == 295, f"expected the 295 Wikinews articles in {WIKINEWS}, found {len(articles)}"
    return articles
