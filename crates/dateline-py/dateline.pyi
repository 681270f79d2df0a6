"""Dateline's extraction engine: per-article extraction and story merge.

merge([extract_article(a) for a in articles]) is the story JSON that
`dateline extract` prints for the same articles in the same order (schema 1,
see DESIGN.md). Bad input raises ValueError naming the article and field.
"""

from typing import Any, Iterable, Mapping, Optional, TypedDict, Union

__version__: str
SCHEMA: int

class Article(TypedDict, total=False):
    id: str  # required, non-empty
    published: str  # required, YYYY-MM-DD
    body: str  # required
    title: Optional[str]
    outlet: Optional[str]
    url: Optional[str]
    path: Optional[str]  # where the article came from (the CLI's file path)

def extract_article(article: Mapping[str, Any]) -> dict[str, Any]:
    """Every per-article stage over one article: its extraction (JSON values). The GIL is released."""

def extract_article_json(article: Mapping[str, Any]) -> str:
    """extract_article, the extraction as JSON text (no Python dicts built)."""

def merge(articles: Iterable[Union[dict[str, Any], str]], *, text: bool = False) -> dict[str, Any]:
    """Per-article extractions (dicts or JSON texts, in story order) merged into the story.
    text=True puts each article's body in articles[].text (as `dateline merge --text`)."""

def merge_json(articles: Iterable[Union[dict[str, Any], str]], *, text: bool = False) -> str:
    """merge, the story as JSON text: what `dateline extract` prints, without its newline."""
