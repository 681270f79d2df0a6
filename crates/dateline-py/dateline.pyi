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

def merge(
    articles: Iterable[Union[dict[str, Any], str]], *, text: bool = False, story: Optional[Mapping[str, Any]] = None
) -> dict[str, Any]:
    """Per-article extractions (dicts or JSON texts, in story order) merged into the story.
    text=True puts each article's body in articles[].text (as `dateline merge --text`).
    story: one item of group_stories, whose articles these are (in its order): that story
    on its own, as `dateline merge --stories` writes it."""

def merge_json(
    articles: Iterable[Union[dict[str, Any], str]], *, text: bool = False, story: Optional[Mapping[str, Any]] = None
) -> str:
    """merge, the story as JSON text: what the CLI prints, without its newline."""

def article_keys(extraction: Union[dict[str, Any], str]) -> dict[str, Any]:
    """What the story grouping reads of an article: id, published, title, weighted keys (about 1 KB)."""

def group_stories(articles: Iterable[Union[dict[str, Any], str]]) -> list[dict[str, Any]]:
    """The engine's grouping of a corpus (extractions or their article_keys, in corpus order, ids
    distinct) into stories: [{"id", "title", "articles": [ids], "from", "to"}]."""
